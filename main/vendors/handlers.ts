// vendors.*: Settings > Vendors: read (supervisor), save (admin), test the connection
// (supervisor), enrol with the head office (admin). A save or an enrolment replaces the clients in
// force and wakes the outbox; an enrolment also hands the counter's master data to the head office.
import { appendAudit } from '../audit/append';
import { requireUser, type NamespaceHandlers } from '../ipc/handlers';
import type { VendorHolder } from './holder';
import type { VendorSettingsStore } from './settings/store';
import { enrolHeadOffice, type EnrolDeps } from './settings/enrol-head-office';
import { testVendorConnection } from './settings/test-connection';
import type { WriteDb } from '../../db/open';
import { setMasterEnrolled } from '../../db/repos/master-data';

export function vendorsHandlers(d: {
  db: WriteDb; store: VendorSettingsStore; holder: VendorHolder; now: () => Date; kick: () => void;
  enrol: Pick<EnrolDeps, 'counterName' | 'appVersion' | 'exchange'>;
  /** After an enrolment, by this user: local keys retired, leases only from now on, the master-data pull at once. */
  onEnrolled?: (userId: number) => void;
  /** The head-office users of an earlier enrolment, deactivated by this one: their sessions end. */
  endSessions?: (userIds: number[]) => void;
}): NamespaceHandlers<'vendors'> {
  return {
    'vendors.settings': () => d.store.views(),
    'vendors.saveSettings': ({ vendor, settings }, ctx) => {
      const view = d.store.save(vendor, settings, requireUser(ctx).id, d.now().toISOString());
      d.holder.replace(d.store.effective());
      d.kick(); // messages waiting for this vendor may go through now
      return view;
    },
    'vendors.enrolHeadOffice': async (input, ctx) => {
      const userId = requireUser(ctx).id;
      const view = await enrolHeadOffice({ ...d.enrol, store: d.store, now: d.now }, input, userId);
      d.holder.replace(d.store.effective());
      d.kick(); // sales waiting for a head office go to this one now
      // Credentials from enrolment: from now on the head office owns this counter's master data,
      // and the users an earlier enrolment brought are out until this one sends them again.
      const at = d.now().toISOString();
      const ended = d.db.transaction(() => {
        const ids = setMasterEnrolled(d.db, at);
        // The hand-over, and who it put out (the users an earlier enrolment brought), in the audit chain.
        appendAudit(d.db, { at, userId, action: 'master_data.enrolled', entity: 'master_data', entityId: '0', details: { deactivatedUsers: ids } });
        return ids;
      })();
      if (ended.length) d.endSessions?.(ended);
      d.onEnrolled?.(userId);
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
