// customers.*: search (anyone at the counter), create and edit, and the import of customers with
// their meters from CSV or .xlsx (supervisor).
import type { Db } from '../../db/open';
import { requireUser, type NamespaceHandlers } from '../ipc/handlers';
import { createCustomer, getCustomer, searchCustomers, updateCustomer } from './customers';
import { importCustomers, importRows } from './import';

export function customersHandlers(d: { db: Db; now: () => Date }): NamespaceHandlers<'customers'> {
  const w = d.db.write;
  const at = () => d.now().toISOString();
  return {
    'customers.search': ({ query, limit }) => searchCustomers(d.db.read, query, limit),
    'customers.get': ({ id }) => getCustomer(d.db.read, id),
    'customers.create': (f, ctx) => createCustomer(w, requireUser(ctx), f, at()),
    'customers.update': ({ id, ...f }, ctx) => updateCustomer(w, requireUser(ctx), id, f, at()),
    'customers.import': async ({ csv, file, dryRun }, ctx) => {
      const by = requireUser(ctx);
      return importCustomers(w, by, await importRows({ csv, file }), dryRun, at());
    },
  };
}
