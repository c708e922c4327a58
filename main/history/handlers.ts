// history.*: finding past sales, and a meter's last tokens (read aloud to a customer; audited).
import type { Db } from '../../db/open';
import { requireUser, type NamespaceHandlers } from '../ipc/handlers';
import { lastTokens, searchSales } from './search';

export function historyHandlers(d: { db: Db; now: () => Date }): NamespaceHandlers<'history'> {
  return {
    'history.search': (q) => searchSales(d.db.read, q),
    'history.lastTokens': ({ meterNumber }, ctx) => lastTokens(d.db.write, requireUser(ctx), meterNumber, d.now().toISOString()),
  };
}
