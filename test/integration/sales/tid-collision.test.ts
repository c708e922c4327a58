// Issue 12 item 7: a vendor token whose TID this meter already has (here a local token made a
// minute earlier on a counter whose clock runs a minute ahead of the vendor's) is refused by the
// database. The sale does not crash and is not issued: it stays `unknown` with the reason in both
// languages, for a supervisor — on every path a vendor token arrives by: the answer in time, the
// late answer after the sale deadline, and the verification of a lost answer by the worker, which
// goes on delivering everything else.
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../../helpers/harness';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import { decodeToken } from '../../../main/sts';

let h: Harness;
afterEach(async () => h?.close());

const METER = DEMO_STS_METERS[2]!.number; // tokens only: no DCU
const OTHER = DEMO_STS_METERS[1]!.number;
const MINUTE = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 5_000);
const started = Date.now();
let ahead = 0; // how far the counter's clock runs ahead of the vendor's (frozen at MINUTE)

async function start(o: { deadlineMs?: number; env?: Record<string, string> } = {}) {
  ahead = 0;
  h = await startHarness({
    app: { now: () => new Date(MINUTE.getTime() + ahead + (Date.now() - started)) },
    settings: { vending: { mode: 'vendor', offlineLimitMinor: 1_000_000, saleDeadlineMs: o.deadlineMs ?? 5_000 } },
    env: { STS_API_RETRY_ATTEMPTS: '0', ...o.env },
  });
  h.sims.clock.freeze(MINUTE);
  await h.login();
}

const sell = async (m = METER) => h.call('sales.sell', await h.confirmed({ meterNumber: m, amountMinor: 1500, tenderedMinor: 1500, paymentMethod: 'cash' }));
const tidOf = (token: string) => decodeToken(h.sims.sts.meters.decoderKey(METER), token).tid!;

/** A local token at this minute's TID, then the counter's clock a minute on: the vendor is asked again. */
async function localTokenThenVendor(): Promise<number> {
  await h.sims.sts.setFaults({ offline: true });
  const local = await sell();
  expect(local.tokenSource).toBe('local');
  await h.sims.sts.setFaults({});
  ahead = 60_000;
  return tidOf(local.token!);
}

function expectHeld(sale: { status: string; token: string | null; errorCode: string | null; errorMessage: { en: string; ar: string } | null }, tid: number) {
  expect(sale.status).toBe('unknown');
  expect(sale.token).toBeNull();
  expect(sale.errorCode).toBe('TID_IN_USE');
  expect(sale.errorMessage?.en).toContain(String(tid));
  expect(sale.errorMessage?.ar).toMatch(/[\u0600-\u06FF]/);
}

const auditOf = (id: string) => (h.app.db.read.prepare(`SELECT action, details FROM audit_log WHERE entity_id = ? ORDER BY id`).all(id) as { action: string; details: string }[]);
const pendingVerify = (id: string) => (h.app.db.read.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE topic = 'sts.verify' AND sale_id = ? AND status = 'pending'`).get(id) as { n: number }).n;

describe('a vendor token with a TID the meter already has', () => {
  it('answered in time: the sale stays unknown with the reason, and is not asked about again', async () => {
    await start();
    const tid = await localTokenThenVendor();
    const sale = await sell();
    expect(h.sims.sts.chargesByKey.get(sale.id)?.tid).toBe(tid); // the vendor did pick the used TID
    expectHeld(sale, tid);
    expect(auditOf(sale.id).map((a) => a.action)).toEqual(['sale.paid', 'sale.tid_in_use']);
    expect(JSON.parse(auditOf(sale.id)[1]!.details)).toMatchObject({ tid, tokenSource: 'vendor', via: 'answer' });
    expect(pendingVerify(sale.id)).toBe(0);
    // The meter's TIDs are untouched, and the next sale goes on normally.
    expect(h.app.db.read.prepare(`SELECT COUNT(*) AS n FROM issued_tokens WHERE tid = ?`).get(tid)).toEqual({ n: 1 });
    const next = await sell(OTHER);
    expect(next.status).toBe('issued');
  });

  it('answered after the sale deadline: the late answer leaves it unknown with the reason and settles its verification', async () => {
    await start({ deadlineMs: 300 });
    const tid = await localTokenThenVendor();
    await h.sims.sts.setFaults({ latencyMs: 1_000 });
    const sale = await sell();
    await eventually(async () => (await h.call('sales.get', { id: sale.id })).errorCode === 'TID_IN_USE', 10_000, 'the late answer');
    expectHeld(await h.call('sales.get', { id: sale.id }), tid);
    expect(auditOf(sale.id).map((a) => [a.action, JSON.parse(a.details).via])).toEqual([['sale.paid', undefined], ['sale.unknown', undefined], ['sale.tid_in_use', 'late answer']]);
    expect(pendingVerify(sale.id)).toBe(0);
  });

  it('found by the verification of a lost answer: the worker holds the sale and goes on delivering', async () => {
    await start();
    const tid = await localTokenThenVendor();
    await h.sims.sts.setFaults({ dropResponseNext: true });
    const sale = await sell();
    await eventually(async () => (await h.call('sales.get', { id: sale.id })).errorCode === 'TID_IN_USE', 10_000, 'the verification');
    expectHeld(await h.call('sales.get', { id: sale.id }), tid);
    expect(auditOf(sale.id).map((a) => [a.action, JSON.parse(a.details).via])).toEqual([['sale.paid', undefined], ['sale.unknown', undefined], ['sale.tid_in_use', 'sts.verify']]);
    expect(pendingVerify(sale.id)).toBe(0);
    expect(h.sims.sts.chargesByKey.size).toBe(1); // asked about, never vended again
    const next = await sell(OTHER);
    expect(next.status).toBe('issued');
    await eventually(() => h.sims.headOffice.receivedCount(next.id) === 1, 10_000, 'the worker to sync the next sale');
  });
});
