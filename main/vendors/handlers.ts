// Handlers of Settings > Vendors (preload/contract-vendors.ts): read (supervisor), save (admin),
// test the connection (supervisor). A save replaces the clients in force and wakes the outbox.
import type { vendorChannels } from '../../preload/contract-vendors';
import { appendAudit } from '../audit/append';
import type { CallContext } from '../ipc/dispatch';
import type { Handlers } from '../ipc/handlers';
import type { VendorHolder } from './holder';
import type { VendorSettingsStore } from './settings/store';
import { testVendorConnection } from './settings/test-connection';
import type Database from 'better-sqlite3';

export type VendorSettingsHandlers = Pick<Handlers, keyof typeof vendorChannels>;

const userId = (ctx: CallContext) => ctx.session?.user.id ?? null;

export function vendorSettingsHandlers(d: { db: Database.Database; store: VendorSettingsStore; holder: VendorHolder; now: () => Date; kick: () => void }): VendorSettingsHandlers {
  return {
    'vendors.settings': () => d.store.views(),
    'vendors.saveSettings': ({ vendor, settings }, ctx) => {
      const view = d.store.save(vendor, settings, userId(ctx), d.now().toISOString());
      d.holder.replace(d.store.effective());
      d.kick(); // messages waiting for this vendor may go through now
      return view;
    },
    'vendors.testConnection': async ({ vendor }, ctx) => {
      const r = await testVendorConnection(vendor, d.store.effective()[vendor]);
      d.db.transaction(() => {
        appendAudit(d.db, { at: d.now().toISOString(), userId: userId(ctx), action: 'vendor.test_connection', entity: 'vendor', entityId: vendor, details: { outcome: r.outcome, ms: r.ms } });
      })();
      return r;
    },
  };
}
