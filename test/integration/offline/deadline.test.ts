// The cashier never waits long: whatever the vendor's timeout and retries, `sales.sell` answers
// by the sale deadline. A slow answer that arrives later settles the sale at once; one that turns
// out never to have arrived becomes a local token; the vendor is never asked to vend twice.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../../sim/demo-data';
import { eventually, startHarness, type Harness } from '../../helpers/harness';

let h: Harness;
afterEach(async () => h?.close());
const sts = DEMO_STS_METERS[0]!.number;
const acrel = DEMO_ACREL_METERS[1]!.number;
const settings = { vending: { mode: 'vendor' as const, offlineLimitMinor: 1_000_000, saleDeadlineMs: 600 } };
const sell = async (m: string) => h.call('sales.sell', await h.confirmed({ meterNumber: m, amountMinor: 1500, tenderedMinor: 1500, paymentMethod: 'cash' }));
const timed = async <T>(f: () => Promise<T>) => { const t = Date.now(); const v = await f(); return { v, ms: Date.now() - t }; };

describe('the sale deadline', () => {
  it('a vendor slower than the deadline (30 s timeout, 3 retries): unknown at the deadline, issued when the late answer comes', async () => {
    h = await startHarness({ settings, env: { STS_API_TIMEOUT: '30000', STS_API_RETRY_ATTEMPTS: '3' } });
    await h.login();
    await h.sims.sts.setFaults({ latencyMs: 2_000 });
    const { v: sale, ms } = await timed(() => sell(sts));
    expect(ms).toBeLessThan(1_500); // deadline 600 ms + receipt printing
    expect(sale.status).toBe('unknown');
    expect(sale.errorMessage?.ar).toBeTruthy();
    await eventually(async () => (await h.call('sales.get', { id: sale.id })).status === 'issued', 10_000, 'the late answer');
    const done = await h.call('sales.get', { id: sale.id });
    expect(done.token).toBe(h.sims.sts.chargesByKey.get(sale.id)?.token);
    expect(done.tokenSource).toBe('vendor');
    expect(h.sims.sts.chargesByKey.size).toBe(1);
    const verify = h.app.db.read.prepare(`SELECT status FROM outbox WHERE topic = 'sts.verify' AND sale_id = ?`).get(sale.id) as { status: string } | undefined;
    expect(verify?.status ?? 'done').toBe('done');
    await eventually(() => h.sims.headOffice.receivedCount(sale.id) === 1, 10_000, 'sync');
    expect(h.sims.headOffice.sale(sale.id)?.sale.status).toBe('issued');
  });

  it('unreachable with retries longer than the deadline: no retry is waited for past the deadline, so the local token comes within it', async () => {
    h = await startHarness({ settings: { ...settings, vending: { ...settings.vending, saleDeadlineMs: 300 } }, env: { STS_API_RETRY_ATTEMPTS: '3' } });
    await h.login();
    await h.sims.sts.setFaults({ offline: true });
    const { v: sale, ms } = await timed(() => sell(sts));
    expect(ms).toBeLessThan(1_200);
    // The retries that could only start after the deadline are not waited for: every attempt
    // provably never connected, so the counter vends at once, within the deadline.
    expect(sale.status).toBe('issued');
    const done = await h.call('sales.get', { id: sale.id });
    expect(done.tokenSource).toBe('local');
    expect(h.sims.sts.meters.enterToken(sts, done.token!).accepted).toBe(true);
    expect(h.sims.sts.chargesByKey.size).toBe(0);
  });

  it('money credit: pending at the deadline, issued when the slow cloud answers, credited once', async () => {
    h = await startHarness({ settings, env: { ACREL_API_TIMEOUT: '30000' } });
    await h.login();
    const before = h.sims.acrel.meters.balanceMinor(acrel);
    await h.sims.acrel.setFaults({ latencyMs: 1_500 });
    const { v: sale, ms } = await timed(() => sell(acrel));
    expect(ms).toBeLessThan(1_500);
    expect(sale.status).toBe('pending');
    expect(sale.errorMessage?.en).toMatch(/automatically/);
    await eventually(async () => (await h.call('sales.get', { id: sale.id })).status === 'issued', 10_000, 'the slow recharge');
    await h.sims.acrel.setFaults({});
    expect(h.sims.acrel.meters.balanceMinor(acrel)).toBe(before + sale.valueMinor);
  });

  it('sync.status answers at once while the network is down and a slow probe is running', async () => {
    h = await startHarness({ settings, env: { HEAD_OFFICE_TIMEOUT: '30000' } });
    await h.login();
    await h.sims.headOffice.setFaults({ latencyMs: 5_000 });
    void h.app.worker.syncNow();
    const { ms } = await timed(() => h.call('sync.status', {}));
    expect(ms).toBeLessThan(100);
    const { ms: nowMs } = await timed(() => h.call('sync.now', {}));
    expect(nowMs).toBeLessThan(4_000);
    await h.sims.headOffice.setFaults({});
  });
});
