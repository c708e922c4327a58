import { invoke, toFailure } from '../transport';
import type { Bilingual } from '../../preload/contract';

/** Any user changes their own PIN, giving the current one. */
export async function changeOwnPin(currentPin: string, newPin: string): Promise<Bilingual | null> {
  try {
    await invoke('auth.changePin', { currentPin, newPin });
    return null;
  } catch (e) {
    return toFailure(e).error.message;
  }
}
