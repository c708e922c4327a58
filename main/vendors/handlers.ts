// vendors.*: Settings > Vendors: read (supervisor), save (admin), test the connection
// (supervisor). A save replaces the clients in force and wakes the outbox.
import { appendAudit } from '../audit/append';
import { requireUser, type NamespaceHandlers } from '../ipc/handlers';
import type { VendorHolder } from './holder';
import type { VendorSettingsStore } from './settings/store';
import { testVendorConnection } from './settings/test-connection';
import type { WriteDb } from '../../db/open';

export function vendorsHandlers(d: { db: WriteDb; store: VendorSettingsStore; holder: VendorHolder; now: () => Date; kick: () => void }): NamespaceHandlers<'vendors'> {
  return {
    'vendors.settings': () => d.store.views(),
    'vendors.saveSettings': ({ vendor, settings }, ctx) => {
      const view = d.store.save(vendor, settings, requireUser(ctx).id, d.now().toISOString());
      d.holder.replace(d.store.effective());
      d.kick(); // messages waiting for this vendor may go through now
      return view;
    },
    'vendors.testConnection': async ({ vendor }, ctx) => {
      const r = await testVendorConnection(vendor, d.store.effective()[vendor], d.holder.xmlvendHost);
      d.db.transaction(() => {
        appendAudit(d.db, { at: d.now().toISOString(), userId: requireUser(ctx).id, action: 'vendor.test_connection', entity: 'vendor', entityId: vendor, details: { outcome: r.outcome, ms: r.ms } });
      })();
      return r;
    },
  };
}
