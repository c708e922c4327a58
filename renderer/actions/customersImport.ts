import { invoke, toFailure } from '../transport';
import { useCustomers } from '../stores/customers';
import { refreshCustomers } from './customersSearch';

/** Validates the whole CSV; nothing is written. Import is offered only for a clean report. */
export async function dryRunImport(): Promise<void> {
  const s = useCustomers.getState();
  const csv = s.csv;
  if (!csv.trim() || s.busy) return;
  s.patch({ busy: true, error: null, report: null, reportFor: null, imported: null });
  try {
    const report = await invoke('customers.import', { csv, dryRun: true });
    useCustomers.getState().patch({ busy: false, report, reportFor: csv });
  } catch (e) {
    useCustomers.getState().patch({ busy: false, error: toFailure(e).error.message });
  }
}

/** Writes every row (all or none), only after a clean dry run of exactly this text. */
export async function runImport(): Promise<void> {
  const s = useCustomers.getState();
  if (s.busy || !s.report?.ok || s.reportFor !== s.csv) return;
  s.patch({ busy: true, error: null });
  try {
    const imported = await invoke('customers.import', { csv: s.csv, dryRun: false });
    useCustomers.getState().patch({ busy: false, imported, ...(imported.ok ? {} : { report: imported }) });
    void refreshCustomers();
  } catch (e) {
    useCustomers.getState().patch({ busy: false, error: toFailure(e).error.message });
  }
}
