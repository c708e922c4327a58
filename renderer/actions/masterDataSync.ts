import { RpcFailure, invoke } from '../transport';
import { useMasterData } from '../stores/masterData';
import type { Bilingual } from '../../preload/contract';

/** The supervisor's "Sync now": pulls the head office's changes; the error to show, or null. */
export async function syncMasterDataNow(): Promise<Bilingual | null> {
  const s = useMasterData.getState();
  if (s.syncing) return null;
  s.setSyncing(true);
  try {
    useMasterData.getState().set(await invoke('masterData.sync', {}));
    return null;
  } catch (e) {
    return e instanceof RpcFailure ? e.error.message : { en: String(e), ar: String(e) };
  } finally {
    useMasterData.getState().setSyncing(false);
  }
}
