import { RpcFailure, invoke } from '../transport';
import { useSync } from '../stores/sync';

export async function refreshSync(): Promise<void> {
  try {
    useSync.getState().set(await invoke('sync.status', {}));
  } catch (e) {
    if (e instanceof RpcFailure && e.transport) useSync.getState().setUnreachable();
  }
}

export async function syncNow(): Promise<void> {
  const s = useSync.getState();
  if (s.syncing) return;
  s.setSyncing(true);
  try {
    useSync.getState().set(await invoke('sync.now', {}));
  } catch (e) {
    if (e instanceof RpcFailure && e.transport) useSync.getState().setUnreachable();
  } finally {
    useSync.getState().setSyncing(false);
  }
}
