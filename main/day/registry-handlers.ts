// Handlers of the history, customer, meter-registry and vending-key channels (issue 8).
import type { Handlers } from '../ipc/handlers';
import { appendAudit } from '../audit/append';
import { createCustomer, getCustomer, searchCustomers, updateCustomer } from '../customers/customers';
import { importCsv } from '../customers/import';
import { createMeter, meterDetail, updateMeter } from '../meters/registry';
import { lastTokens, searchSales } from '../history/search';
import type { DayDeps } from './handlers';
import { userOf } from '../ipc/user-of';

type Registry = Pick<Handlers, 'history.search' | 'history.lastTokens' | 'customers.search' | 'customers.get' | 'customers.create' | 'customers.update'
  | 'customers.import' | 'meters.detail' | 'meters.create' | 'meters.update' | 'keys.list' | 'keys.put'>;

export function registryHandlers({ sales }: DayDeps): Registry {
  const w = sales.db.write;
  const r = sales.db.read;
  const at = () => sales.now().toISOString();
  return {
    'history.search': (q) => searchSales(r, q),
    'history.lastTokens': ({ meterNumber }, ctx) => lastTokens(w, userOf(ctx), meterNumber, at()),
    'customers.search': ({ query, limit }) => searchCustomers(r, query, limit),
    'customers.get': ({ id }) => getCustomer(r, id),
    'customers.create': (f, ctx) => createCustomer(w, userOf(ctx), f, at()),
    'customers.update': ({ id, ...f }, ctx) => updateCustomer(w, userOf(ctx), id, f, at()),
    'customers.import': ({ csv, dryRun }, ctx) => importCsv(w, userOf(ctx), csv, dryRun, at()),
    'meters.detail': ({ meterNumber }) => meterDetail(r, sales.keys, meterNumber),
    'meters.create': (m, ctx) => createMeter(w, sales.keys, userOf(ctx), m, at()),
    'meters.update': (c, ctx) => updateMeter(w, sales.keys, userOf(ctx), c, at()),
    'keys.list': () => sales.keys.list(),
    'keys.put': ({ sgc, krn, vendingKeyHex }, ctx) => {
      const t = at();
      w.transaction(() => {
        sales.keys.put({ sgc, krn }, vendingKeyHex, t);
        appendAudit(w, { at: t, userId: userOf(ctx).id, action: 'keys.put', entity: 'vending_key', entityId: `${sgc}:${krn}` });
      })();
      return { sgc, krn, createdAt: t };
    },
  };
}
