import { invoke, toFailure } from '../transport';
import { useSaleFlow } from '../stores/sale';
import { refreshPrintProblems } from '../screens/printer/actions';
import { withApproval } from './approval';

/** 'Print again': main prints the original if it has not come out yet (it may be waiting in the
 *  print queue), otherwise a COPY. */
export async function printAgain(): Promise<void> {
  const flow = useSaleFlow.getState();
  const sale = flow.sale;
  if (!sale || flow.printing) return;
  flow.patch({ printing: true, printOutcome: null });
  if (flow.error?.slot === 'print') flow.clearError();
  try {
    // A second copy needs a supervisor (ApprovalDialog); cancelled -> nothing printed.
    const outcome = await withApproval(sale.id, (approvalToken) => invoke('sales.print', { id: sale.id, ...(approvalToken ? { approvalToken } : {}) }));
    if (!outcome) return useSaleFlow.getState().patch({ printing: false });
    const fresh = await invoke('sales.get', { id: sale.id }).catch(() => null);
    const s = useSaleFlow.getState();
    if (s.sale?.id !== sale.id) return;
    s.patch({ printing: false, printOutcome: outcome, ...(fresh ? { sale: fresh } : {}) });
    if (outcome.error) s.setError('print', outcome.error);
    void refreshPrintProblems();
  } catch (e) {
    const s = useSaleFlow.getState();
    s.patch({ printing: false });
    s.setError('print', toFailure(e).error.message);
  }
}

/** Show a sale from the recent list (for a reprint or to read the token again). */
export async function showSale(id: string): Promise<void> {
  const flow = useSaleFlow.getState();
  if (flow.selling || flow.pendingSell) return;
  try {
    const sale = await invoke('sales.get', { id });
    useSaleFlow.getState().reset();
    useSaleFlow.getState().patch({ sale });
  } catch (e) {
    useSaleFlow.getState().setError('sell', toFailure(e).error.message);
  }
}
