import { invoke, toFailure } from '../transport';
import { useKeys } from '../stores/keys';

/** Admin: every vending key, by its key check value (the key itself is never sent back). */
export async function loadKeys(): Promise<void> {
  try {
    const keys = await invoke('keys.list', {});
    useKeys.getState().patch({ keys, loaded: true, error: null });
  } catch (e) {
    useKeys.getState().patch({ loaded: true, error: toFailure(e).error.message });
  }
}
