// Behind the Pending screen: the list of sales waiting for the connection, and a reprint.
import { invoke, toFailure } from '../transport';
import { usePending } from '../stores/pending';
import { withApproval } from './approval';

let seq = 0;

/** Reads the list; an older answer arriving after a newer one is dropped. */
export async function refreshPending(): Promise<void> {
  const mine = ++seq;
  try {
    const sales = await invoke('sales.pending', { limit: 100 });
    if (mine !== seq) return;
    usePending.getState().patch({ sales, loaded: true, error: null, checkedAt: Date.now() });
  } catch (e) {
    if (mine !== seq) return;
    // Keep the last good list on screen; say it could not be refreshed.
    usePending.getState().patch({ error: toFailure(e).error.message, checkedAt: Date.now() });
  }
}

/** Prints the receipt again: the original if it never came out, otherwise a COPY. */
export async function reprintPending(saleId: string): Promise<void> {
  const s = usePending.getState();
  if (s.reprint?.busy) return;
  s.patch({ reprint: { saleId, busy: true, printed: false, copy: false, error: null } });
  try {
    const r = await withApproval(saleId, (approvalToken) => invoke('sales.print', { id: saleId, ...(approvalToken ? { approvalToken } : {}) }));
    if (!r) return usePending.getState().patch({ reprint: null });
    usePending.getState().patch({ reprint: { saleId, busy: false, printed: r.printed, copy: r.copy, error: r.error } });
  } catch (e) {
    usePending.getState().patch({ reprint: { saleId, busy: false, printed: false, copy: false, error: toFailure(e).error.message } });
  }
}
