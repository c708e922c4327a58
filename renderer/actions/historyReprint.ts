import { invoke, toFailure } from '../transport';
import { useHistory } from '../stores/history';
import { withApproval } from './approval';

/** Reprint from the history detail: a COPY; from the second copy on a supervisor approves. */
export async function reprintFromHistory(saleId: string): Promise<void> {
  useHistory.getState().patch({ reprint: null });
  try {
    const r = await withApproval(saleId, (approvalToken) => invoke('sales.print', { id: saleId, ...(approvalToken ? { approvalToken } : {}) }));
    if (!r) return;
    const detail = await invoke('sales.get', { id: saleId }).catch(() => null);
    useHistory.getState().patch({ reprint: r, ...(detail ? { detail } : {}) });
  } catch (e) {
    useHistory.getState().patch({ reprint: { printed: false, copy: false, error: toFailure(e).error.message } });
  }
}
