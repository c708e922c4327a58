// keys.*: the vending keys sealed on this counter (admin). A key goes in once and is never read back.
import type { Db } from '../../db/open';
import { requireUser, type NamespaceHandlers } from '../ipc/handlers';
import { loadKey, retireKeyById } from './load';
import type { VendingKeyStore } from './store';

export function keysHandlers(d: { db: Db; keys: VendingKeyStore; now: () => Date; timeZone: string }): NamespaceHandlers<'keys'> {
  const deps = { db: d.db.write, keys: d.keys, now: d.now, timeZone: d.timeZone };
  return {
    'keys.list': () => d.keys.list(),
    'keys.put': (input, ctx) => loadKey(deps, requireUser(ctx), input),
    'keys.retire': ({ id }, ctx) => retireKeyById(deps, requireUser(ctx), id),
  };
}
