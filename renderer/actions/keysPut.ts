import { invoke, toFailure } from '../transport';
import { loadKeys } from './keysLoad';
import type { Bilingual, KeyAttributes, KeyEntry } from '../../preload/contract';

export type KeyLoad =
  | (KeyAttributes & { source: 'typed'; vendingKeyHex: string; vendingKeyHexAgain: string; expectedKcv?: string; replace: boolean })
  | { source: 'file'; keyFile: string; replace: boolean };

/** Admin: load a vending key, typed twice or from a key file's text (main reads the file's lines). */
export async function putKey(input: KeyLoad): Promise<{ ok: true; key: KeyEntry } | { ok: false; error: Bilingual; code: string }> {
  try {
    const key = await invoke('keys.put', input);
    await loadKeys();
    return { ok: true, key };
  } catch (e) {
    const f = toFailure(e);
    return { ok: false, error: f.error.message, code: f.error.code };
  }
}
