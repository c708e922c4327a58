// Offline STS vending across counters under the head office's meter leases: two whole counters
// (createApp through the harness) enrolled with the real head office (PostgreSQL, over HTTP through
// a link the test can cut). Whatever happens, two counters offline at once never both make a
// token for one meter: only the lease holder vends locally, the other refuses with the holder's
// name and hands the money back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeToken } from '../../../main/sts';
import { LEASE_SKEW_MARGIN_MS } from '../../../main/vendors/head-office/lease-wire';
import type { NewCounter } from '../../../head-office/counters';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import type { CuttableLink } from '../../helpers/cuttable-link';
import { eventually, RpcFailure, startHarness, type Harness } from '../../helpers/harness';
import type { TestHeadOffice } from '../../helpers/head-office';
import { startLeasingHeadOffice } from '../../helpers/leases';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
let ho: TestHeadOffice;
let link: CuttableLink;
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
  await link.restore().catch(() => undefined);
  await ho.pool.query('UPDATE meter_leases SET released_at = now(), released_by = $1 WHERE released_at IS NULL', ['counter']);
});

interface Counter { h: Harness; c: NewCounter; shiftClock(ms: number): void }

async function counter(c: NewCounter, dataDir?: string): Promise<Counter> {
  let skew = 0;
  const h = await startHarness({
    dataDir, seed: dataDir === undefined,
    env: { HEAD_OFFICE_URL: link.url, HEAD_OFFICE_KEY: c.apiKey, HEAD_OFFICE_SECRET: c.apiSecret, HEAD_OFFICE_RETRY_ATTEMPTS: '0', STS_API_RETRY_ATTEMPTS: '0' },
    settings: { vending: { mode: 'vendor', offlineLimitMinor: 1_000_000, saleDeadlineMs: 5_000 } },
    app: { now: () => new Date(Date.now() + skew) },
  });
  open.push(h);
  await h.login();
  return { h, c, shiftClock: (ms) => { skew += ms; } };
}

const sell = async (h: Harness, meterNumber: string, amountMinor = 1500) =>
  h.call('sales.sell', await h.confirmed({ meterNumber, amountMinor, tenderedMinor: amountMinor, paymentMethod: 'cash' }));

/** Cuts the counters off: no head office, no vendor. */
async function offline(...cs: Counter[]): Promise<void> {
  await link.cut();
  for (const x of cs) await x.h.sims.sts.setFaults({ offline: true });
}

const meter = DEMO_STS_METERS[2]!.number; // tokens only

describe('offline STS vending under meter leases', () => {
  it('two counters offline at once never both vend one meter locally', async () => {
    const A = await counter(await ho.addCounter('Counter A'));
    const B = await counter(await ho.addCounter('Counter B'));
    // Both ask while online; the head office grants exactly one.
    const [ra, rb] = await Promise.all([A.h.app.leases.ask([meter]), B.h.app.leases.ask([meter])]);
    const granted = [ra, rb].map((r) => (r.kind === 'answered' ? r.granted.length : -1));
    expect(granted.sort()).toEqual([0, 1]);
    const [holder, other] = ra.kind === 'answered' && ra.granted.length === 1 ? [A, B] : [B, A];
    expect(A.h.app.leases.enrolled() && B.h.app.leases.enrolled()).toBe(true);

    await offline(A, B);
    const decoderKey = holder.h.sims.sts.meters.decoderKey(meter);
    for (let round = 0; round < 5; round++) {
      // Both at the same moment.
      const [sh, so] = await Promise.all([sell(holder.h, meter, 1000 + round), sell(other.h, meter, 1000 + round)]);
      expect(sh).toMatchObject({ status: 'issued', tokenSource: 'local' });
      const d = decodeToken(decoderKey, sh.token!);
      expect(d).toMatchObject({ class: 0, crcOk: true });
      expect(holder.h.sims.sts.meters.enterToken(meter, sh.token!).accepted).toBe(true);

      expect(so).toMatchObject({ status: 'failed', token: null, tokenSource: null, errorCode: 'LEASE_HELD_ELSEWHERE' });
      expect(so.errorMessage!.en).toContain(`held by counter "${holder.c.name}" until`);
      expect(so.errorMessage!.en).toContain('Return the money');
      expect(so.errorMessage!.ar).toContain(holder.c.name);
      expect(so.errorMessage!.ar).toContain('أعد المبلغ');
    }
    // The refusing counter wrote no token for the meter.
    expect(other.h.app.db.read.prepare(`SELECT COUNT(*) AS n FROM issued_tokens`).get()).toEqual({ n: 0 });
    // The quote already says so, before any money is taken.
    const q = await other.h.call('sales.quote', { meterNumber: meter, amountMinor: 1000 });
    expect(q.keyNotice?.code).toBe('LEASE_HELD_ELSEWHERE');

    // Back online: the holder's local sales reach the head office, then it gives the lease back;
    // now the other counter can lease the meter and vend it offline, and the first cannot.
    await link.restore();
    for (const x of [A, B]) await x.h.sims.sts.setFaults({});
    await holder.h.call('sync.now', {});
    await eventually(async () => Number((await ho.pool.query(`SELECT count(*) FROM sales WHERE record->>'tokenSource' = 'local'`)).rows[0].count) >= 5, 15_000, 'the local sales to reach the head office');
    expect(await holder.h.app.leases.release([meter])).toMatchObject({ kind: 'answered' });
    const again = await other.h.app.leases.ask([meter]);
    expect(again).toMatchObject({ kind: 'answered', granted: [meter] });
    await holder.h.app.leases.ask([meter]); // refused: now it knows who holds it
    await offline(A, B);
    expect(await sell(other.h, meter)).toMatchObject({ status: 'issued', tokenSource: 'local' });
    // The former holder: its own local tokens are ahead of the clock, so this sale could only be
    // made here; the quote refuses it before any money is taken.
    const q2 = await holder.h.raw('sales.quote', { meterNumber: meter, amountMinor: 1500 });
    expect(q2).toMatchObject({ ok: false, error: { code: 'NO_VENDING_KEY' } });
    expect(!q2.ok && q2.error.message.en).toContain(`held by counter "${other.c.name}"`);
    expect(!q2.ok && q2.error.message.en).toContain('No money was taken');
  }, 60_000);

  it('a counter without any lease refuses to vend locally and says so; its own vending key is not used', async () => {
    const A = await counter(await ho.addCounter('Counter C'));
    const other = DEMO_STS_METERS[3]!.number;
    await A.h.app.leases.ask([other]); // enrolled: the head office answered
    // Online, a meter without a lease is sold through the vendor without a word about leases.
    expect((await A.h.call('sales.quote', { meterNumber: meter, amountMinor: 1000 })).keyNotice).toBeUndefined();
    await offline(A);
    const s = await sell(A.h, meter);
    expect(s).toMatchObject({ status: 'failed', token: null, errorCode: 'NO_LEASE' });
    expect(s.errorMessage!.en).toContain('No offline lease for this meter');
    expect(s.errorMessage!.ar).toContain('لا يوجد حجز للبيع دون اتصال لهذا العداد');
    // Loading a supply group's vending key is refused on an enrolled counter.
    await A.h.login('admin', '9999');
    const put = await A.h.raw('keys.put', { source: 'file', keyFile: 'SGC = 123456\nKRN = 2\nKEY_TYPE = 2\nBASE_DATE = 2014\nEA = 07\nDKGA = 02\nVENDING_KEY = 0123456789abcdef' });
    expect(put).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!put.ok && put.error.message.en).toContain('head office, which holds the vending keys');
  }, 60_000);

  it('the holder survives a restart offline and still vends; past its expiry (less the margin) it stops; then another counter can lease', async () => {
    const cA = await ho.addCounter('Counter D');
    let A = await counter(cA);
    const B = await counter(await ho.addCounter('Counter E'));
    expect(await A.h.app.leases.ask([meter])).toMatchObject({ kind: 'answered', granted: [meter] });
    expect(await B.h.app.leases.ask([meter])).toMatchObject({ kind: 'answered', granted: [] });
    await offline(A, B);
    const dataDir = A.h.dataDir;
    await A.h.close();
    open.splice(open.indexOf(A.h), 1);
    A = await counter(cA, dataDir);
    await A.h.sims.sts.setFaults({ offline: true });
    expect(await sell(A.h, meter)).toMatchObject({ status: 'issued', tokenSource: 'local' });

    // The counter's clock reaches the lease's expiry less the margin: no more local tokens.
    const lease = A.h.app.leases.lease(meter)!;
    const stopAt = Date.parse(lease.expiresAt) - LEASE_SKEW_MARGIN_MS;
    A.shiftClock(stopAt - Date.now() + 1_000);
    const late = await sell(A.h, meter);
    expect(late).toMatchObject({ status: 'failed', token: null, errorCode: 'LEASE_EXPIRED' });
    expect(late.errorMessage!.en).toContain('ran out at');

    // At the head office, the expiry plus the margin passes: the other counter gets the lease.
    await ho.pool.query(`UPDATE meter_leases SET renewed_at = renewed_at - $2 * interval '1 ms', expires_at = now() - $2 * interval '1 ms', granted_at = granted_at - $2 * interval '1 ms' WHERE meter = $1`,
      [meter, Date.parse(lease.expiresAt) - Date.now() + LEASE_SKEW_MARGIN_MS + 1_000]);
    await link.restore();
    expect(await B.h.app.leases.ask([meter])).toMatchObject({ kind: 'answered', granted: [meter] });
  }, 60_000);

  it('a supervisor holds a meter for offline sales from the meter screen, and sees who holds it', async () => {
    const A = await counter(await ho.addCounter('Counter F'));
    const B = await counter(await ho.addCounter('Counter G'));
    await expect(A.h.call('leases.hold', { meterNumber: meter })).rejects.toThrow(RpcFailure); // a cashier may not
    await A.h.login('supervisor', '2222');
    await B.h.login('supervisor', '2222');
    const mine = await A.h.call('leases.hold', { meterNumber: meter });
    expect(mine).toMatchObject({ refusal: null, lease: { state: 'held', enrolled: true, holder: null } });
    const theirs = await B.h.call('leases.hold', { meterNumber: meter });
    expect(theirs.lease).toMatchObject({ state: 'elsewhere', holder: 'Counter F' });
    expect(theirs.refusal?.en).toContain('held by counter "Counter F"');
    expect(await B.h.call('leases.get', { meterNumber: meter })).toMatchObject({ state: 'elsewhere', holder: 'Counter F' });
  }, 60_000);

  it('an online sale asks for its meter\'s lease in the background; syncs renew it when due; an idle lease is given back', async () => {
    const A = await counter(await ho.addCounter('Counter H'));
    const sale = await sell(A.h, meter);
    expect(sale).toMatchObject({ status: 'issued', tokenSource: 'vendor' });
    await eventually(() => A.h.app.leases.lease(meter)?.state === 'held', 10_000, 'the background lease request');
    const events = async () => (await ho.pool.query(`SELECT e.event FROM lease_events e JOIN counters c ON c.id = e.counter_id WHERE c.name = 'Counter H' ORDER BY e.id`)).rows.map((r) => r.event);
    expect(await events()).toEqual(['granted']);
    // Not due yet: nothing is asked.
    await A.h.app.leases.maintain();
    expect(await events()).toEqual(['granted']);
    // Two hours later (by the counter's clock) the lease is renewed on the next upkeep.
    A.shiftClock(2 * 3_600_000);
    await A.h.app.leases.maintain();
    expect(await events()).toEqual(['granted', 'renewed']);
    // Its sale reached the head office; fifteen days without a sale of the meter: given back.
    await eventually(async () => (await ho.pool.query('SELECT 1 FROM sales WHERE sale_id = $1', [sale.id])).rows.length === 1, 10_000, 'the sale to reach the head office');
    A.shiftClock(15 * 86_400_000);
    await A.h.app.leases.maintain();
    expect((await events()).slice(-1)).toEqual(['released']);
    expect(A.h.app.leases.lease(meter)).toBeUndefined();
  }, 60_000);
});
