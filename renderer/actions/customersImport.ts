import { invoke, toFailure } from '../transport';
import { useCustomers } from '../stores/customers';
import { refreshCustomers } from './customersSearch';

type State = ReturnType<typeof useCustomers.getState>;
/** What is checked and imported: the chosen workbook, else the CSV text. */
const sourceOf = (s: State) => s.file ?? s.csv;
const inputOf = (s: State) => (s.file ? { file: { name: s.file.name, base64: s.file.base64 } } : { csv: s.csv });

/** Validates the whole file; nothing is written. Import is offered only for a clean report. */
export async function dryRunImport(): Promise<void> {
  const s = useCustomers.getState();
  const source = sourceOf(s);
  if ((!s.file && !s.csv.trim()) || s.busy) return;
  s.patch({ busy: true, error: null, report: null, reportFor: null, imported: null });
  try {
    const report = await invoke('customers.import', { ...inputOf(s), dryRun: true });
    useCustomers.getState().patch({ busy: false, report, reportFor: source });
  } catch (e) {
    useCustomers.getState().patch({ busy: false, error: toFailure(e).error.message });
  }
}

/** Writes every row (all or none), only after a clean dry run of exactly this file or text. */
export async function runImport(): Promise<void> {
  const s = useCustomers.getState();
  if (s.busy || !s.report?.ok || s.reportFor !== sourceOf(s)) return;
  s.patch({ busy: true, error: null });
  try {
    const imported = await invoke('customers.import', { ...inputOf(s), dryRun: false });
    useCustomers.getState().patch({ busy: false, imported, ...(imported.ok ? {} : { report: imported }) });
    void refreshCustomers();
  } catch (e) {
    useCustomers.getState().patch({ busy: false, error: toFailure(e).error.message });
  }
}
