// keys.*: the vending keys sealed on this counter (admin). A key goes in once and is never read back.
import type { Db } from '../../db/open';
import { appendAudit } from '../audit/append';
import { requireUser, type NamespaceHandlers } from '../ipc/handlers';
import type { VendingKeyStore } from './store';

export function keysHandlers(d: { db: Db; keys: VendingKeyStore; now: () => Date }): NamespaceHandlers<'keys'> {
  const w = d.db.write;
  return {
    'keys.list': () => d.keys.list(),
    'keys.put': ({ sgc, krn, vendingKeyHex }, ctx) => {
      const t = d.now().toISOString();
      w.transaction(() => {
        d.keys.put({ sgc, krn }, vendingKeyHex, t);
        appendAudit(w, { at: t, userId: requireUser(ctx).id, action: 'keys.put', entity: 'vending_key', entityId: `${sgc}:${krn}` });
      })();
      return { sgc, krn, createdAt: t };
    },
  };
}
