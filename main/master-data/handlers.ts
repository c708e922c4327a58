// masterData.*: the pull's status (shown on the read-only screens) and "Sync now" (supervisor).
import type { NamespaceHandlers } from '../ipc/handlers';
import type { MasterDataSync } from './sync';

export function masterDataHandlers(d: { sync: MasterDataSync }): NamespaceHandlers<'masterData'> {
  return {
    'masterData.status': () => d.sync.status(),
    'masterData.sync': () => d.sync.syncNow(),
  };
}
