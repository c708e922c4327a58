import { invoke, toFailure } from '../transport';
import { useKeys } from '../stores/keys';
import { loadKeys } from './keysLoad';
import type { Bilingual } from '../../preload/contract';

/** Admin: retire the key waiting for confirmation; no token is made with it again. */
export async function retireKey(): Promise<Bilingual | null> {
  const k = useKeys.getState().retiring;
  if (!k) return null;
  try {
    await invoke('keys.retire', { id: k.id });
    useKeys.getState().patch({ retiring: null });
    await loadKeys();
    return null;
  } catch (e) {
    return toFailure(e).error.message;
  }
}
