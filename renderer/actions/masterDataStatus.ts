import { invoke } from '../transport';
import { useMasterData } from '../stores/masterData';

/** Reads who owns the master data and the pull's state; a failure leaves the last known status. */
export async function refreshMasterData(): Promise<void> {
  try {
    useMasterData.getState().set(await invoke('masterData.status', {}));
  } catch {
    // The screens keep what they showed; the next visit asks again.
  }
}
