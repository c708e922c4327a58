// One notion of "enrolled" on the counter: a counter whose master data belongs to the head office
// (enrolled with a code, or SHAHN_MASTER_DATA=head-office) vends locally only under a meter's
// lease, even before its head office has ever answered the lease routes; its own supply-group key
// (the demo seed loads one) makes no token. A standalone counter, whose head office is the
// in-memory simulator that knows no leases, vends offline with its own key as before.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../../head-office/enrolment';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import type { CuttableLink } from '../../helpers/cuttable-link';
import { startHarness, type Harness } from '../../helpers/harness';
import type { TestHeadOffice } from '../../helpers/head-office';
import { startLeasingHeadOffice } from '../../helpers/leases';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
let ho: TestHeadOffice;
let link: CuttableLink;
let cut = false;
const open: Harness[] = [];
beforeAll(async () => {
  ({ ho, link } = await startLeasingHeadOffice(await postgres.freshDatabase()));
});
afterAll(async () => {
  await link?.close();
  await ho?.close();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
  if (cut) await link.restore();
  cut = false;
});
const cutLink = async () => {
  await link.cut();
  cut = true;
};

const meter = DEMO_STS_METERS[2]!.number;
const VENDING = { mode: 'vendor' as const, offlineLimitMinor: 1_000_000, saleDeadlineMs: 5_000 };
const NO_RETRY = { HEAD_OFFICE_RETRY_ATTEMPTS: '0', STS_API_RETRY_ATTEMPTS: '0', SHAHN_MASTER_DATA_PULL_MS: '3600000' };

async function counter(env: Record<string, string>, dataDir?: string): Promise<Harness> {
  const h = await startHarness({ env: { ...NO_RETRY, ...env }, settings: { vending: VENDING }, dataDir, seed: dataDir === undefined });
  open.push(h);
  await h.login();
  return h;
}

async function sellOffline(h: Harness) {
  await h.sims.sts.setFaults({ offline: true });
  return h.call('sales.sell', await h.confirmed({ meterNumber: meter, amountMinor: 1500, tenderedMinor: 1500, paymentMethod: 'cash' }));
}

const localTokens = (h: Harness) => (h.app.db.read.prepare('SELECT COUNT(*) AS n FROM issued_tokens').get() as { n: number }).n;
const leaseAuthorityRows = (h: Harness) => (h.app.db.read.prepare('SELECT COUNT(*) AS n FROM lease_authority').get() as { n: number }).n;
/** Restarts the counter on its own data folder with another environment. */
async function restart(h: Harness, env: Record<string, string>): Promise<Harness> {
  await h.close();
  open.splice(open.indexOf(h), 1);
  return counter(env, h.dataDir);
}
const keyStates = (h: Harness) => h.app.db.read.prepare('SELECT sgc, krn, retired_at IS NOT NULL AS retired, retired_by FROM vending_keys ORDER BY id').all() as { retired: number; retired_by: number | null }[];
const keyRetirements = (h: Harness) => (h.app.db.read.prepare(`SELECT user_id, details FROM audit_log WHERE action = 'keys.retire' ORDER BY id`).all() as { user_id: number | null; details: string }[])
  .map((r) => ({ userId: r.user_id, reason: (JSON.parse(r.details) as { reason: string }).reason }));
const leaseEventsAtHeadOffice = async () => Number((await ho.pool.query('SELECT count(*) FROM lease_events')).rows[0].count);

describe('one notion of enrolled: master data\'s enrolment also means leases only', () => {
  it('a counter enrolled with a code never mints from its own supply-group key, before the head office ever answered about leases', async () => {
    const h = await counter({});
    expect(h.app.leases.enrolled()).toBe(false);
    const { code } = await createEnrolmentCode(ho.pool, { counterName: 'Till by code', createdBy: 'test' });
    await h.login('admin', '9999');
    await h.call('vendors.enrolHeadOffice', { baseUrl: link.url, code });
    // Cut before any lease route could answer: only master data knows this counter is enrolled.
    await cutLink();
    expect(await leaseEventsAtHeadOffice()).toBe(0);
    // The enrolment itself made leases this counter's authority, for good.
    expect(leaseAuthorityRows(h)).toBe(1);
    expect(h.app.leases.enrolled()).toBe(true);
    await h.login();
    const s = await sellOffline(h);
    expect(s).toMatchObject({ status: 'failed', token: null, tokenSource: null, errorCode: 'NO_LEASE' });
    expect(s.errorMessage!.en).toContain('No offline lease for this meter');
    expect(localTokens(h)).toBe(0);
    // Loading a supply group's key is refused too: the same notion everywhere.
    await h.login('admin', '9999');
    const put = await h.raw('keys.put', { source: 'file', keyFile: 'SGC = 123456\nKRN = 2\nKEY_TYPE = 2\nBASE_DATE = 2014\nEA = 07\nDKGA = 02\nVENDING_KEY = 0123456789abcdef' });
    expect(put).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  }, 60_000);

  it('SHAHN_MASTER_DATA=head-office: enrolled for leasing from the start, even with its head office unreachable', async () => {
    const c = await ho.addCounter('Till by env');
    const h = await counter({ HEAD_OFFICE_URL: link.url, HEAD_OFFICE_KEY: c.apiKey, HEAD_OFFICE_SECRET: c.apiSecret, SHAHN_MASTER_DATA: 'head-office' });
    await cutLink();
    expect(leaseAuthorityRows(h)).toBe(1);
    expect(h.app.leases.enrolled()).toBe(true);
    expect(await sellOffline(h)).toMatchObject({ status: 'failed', token: null, errorCode: 'NO_LEASE' });
    expect(localTokens(h)).toBe(0);
  }, 60_000);

  it('a standalone counter (the simulator head office, which knows no leases) still vends offline with its own key', async () => {
    const h = await counter({});
    expect(await h.app.leases.ask([meter])).toEqual({ kind: 'not-leasing' });
    expect(h.app.leases.enrolled()).toBe(false);
    expect(await sellOffline(h)).toMatchObject({ status: 'issued', tokenSource: 'local' });
    expect(localTokens(h)).toBe(1);
  }, 60_000);

  it('an enrolment retires every supply-group key loaded before it, audited with who and when; so does a start with SHAHN_MASTER_DATA=head-office', async () => {
    const h = await counter({});
    const before = keyStates(h);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((k) => !k.retired)).toBe(true);
    const { code } = await createEnrolmentCode(ho.pool, { counterName: 'Till retiring keys', createdBy: 'test' });
    await h.login('admin', '9999');
    await h.call('vendors.enrolHeadOffice', { baseUrl: link.url, code });
    const admin = (h.app.db.read.prepare(`SELECT id FROM users WHERE username = 'admin'`).get() as { id: number }).id;
    expect(keyStates(h).every((k) => k.retired && k.retired_by === admin)).toBe(true);
    expect(keyRetirements(h)).toEqual(before.map(() => ({ userId: admin, reason: 'enrolled' })));
    expect((await h.call('keys.list', {})).every((k) => k.status === 'retired')).toBe(true);

    // A counter told by its environment that the head office owns its data: keys found at start are retired by nobody (the environment).
    const c = await ho.addCounter('Till by env, keys');
    const e = await counter({ HEAD_OFFICE_URL: link.url, HEAD_OFFICE_KEY: c.apiKey, HEAD_OFFICE_SECRET: c.apiSecret, SHAHN_MASTER_DATA: 'head-office' });
    // (The demo seed loads its key after the app started.)
    expect(keyStates(e).some((k) => !k.retired)).toBe(true);
    const again = await restart(e, { HEAD_OFFICE_URL: link.url, HEAD_OFFICE_KEY: c.apiKey, HEAD_OFFICE_SECRET: c.apiSecret, SHAHN_MASTER_DATA: 'head-office' });
    expect(keyStates(again).every((k) => k.retired && k.retired_by === null)).toBe(true);
    expect(keyRetirements(again).at(-1)).toEqual({ userId: null, reason: 'head-office-owns-master-data' });
  }, 60_000);

  it('once a head office answered the lease routes, a new address, a new key or no head office at all never brings back supply-group keys', async () => {
    // Configured by hand (not enrolled by code, master data its own): leases govern it from the head office's first answer.
    const c = await ho.addCounter('Till by hand');
    let h = await counter({ HEAD_OFFICE_URL: link.url, HEAD_OFFICE_KEY: c.apiKey, HEAD_OFFICE_SECRET: c.apiSecret });
    expect(h.app.leases.enrolled()).toBe(false);
    expect(await h.app.leases.ask([DEMO_STS_METERS[0]!.number])).toMatchObject({ kind: 'answered' });
    expect(h.app.leases.enrolled()).toBe(true);
    const other = await ho.addCounter('Till by hand, new key');
    const configs: Record<string, Record<string, string>> = {
      'another address (the simulator, which knows no leases)': {},
      'the same head office, enrolled again with a new key': { HEAD_OFFICE_URL: link.url, HEAD_OFFICE_KEY: other.apiKey, HEAD_OFFICE_SECRET: other.apiSecret },
      'no head office at all': { HEAD_OFFICE_URL: '', HEAD_OFFICE_KEY: '', HEAD_OFFICE_SECRET: '' },
    };
    for (const [what, env] of Object.entries(configs)) {
      h = await restart(h, env);
      expect(h.app.leases.enrolled(), what).toBe(true);
      const s = await sellOffline(h);
      expect(s, what).toMatchObject({ status: 'failed', token: null, tokenSource: null, errorCode: 'NO_LEASE' });
      expect(localTokens(h), what).toBe(0);
      await h.login('admin', '9999');
      const put = await h.raw('keys.put', { source: 'file', keyFile: 'SGC = 123456\nKRN = 2\nKEY_TYPE = 2\nBASE_DATE = 2014\nEA = 07\nDKGA = 02\nVENDING_KEY = 0123456789abcdef' });
      expect(put, what).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      await h.login();
    }
  }, 90_000);
});
