import { invoke, toFailure } from '../transport';
import { useHistory } from '../stores/history';

/** A row of the results -> the whole sale (token, quote, print status). */
export async function openHistorySale(id: string): Promise<void> {
  useHistory.getState().patch({ reprint: null, error: null });
  try {
    const detail = await invoke('sales.get', { id });
    useHistory.getState().patch({ detail });
  } catch (e) {
    useHistory.getState().patch({ error: toFailure(e).error.message });
  }
}

export function closeHistorySale(): void {
  useHistory.getState().patch({ detail: null, reprint: null });
}
