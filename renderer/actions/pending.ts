// Behind the Pending screen: the list of sales waiting for the connection, and a reprint.
import { invoke, toFailure } from '../transport';
import { usePending } from '../stores/pending';
import { withApproval } from './approval';
import { latestWins } from '../lib/latest';

const latest = latestWins();

/** Reads the list; an older answer arriving after a newer one is dropped. */
export async function refreshPending(): Promise<void> {
  const isLatest = latest.begin();
  try {
    const sales = await invoke('sales.pending', { limit: 100 });
    if (!isLatest()) return;
    usePending.getState().patch({ sales, loaded: true, error: null, checkedAt: Date.now() });
  } catch (e) {
    if (!isLatest()) return;
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
