// The sale state machine's other outcomes: a vendor refusal, a lost answer resolved by asking
// about the same key (never by vending again), a printer fault that leaves the sale untouched,
// and start-up reconciliation after a crash between "paid" and the outcome.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_STS_METERS, DEMO_UNKNOWN_STS_METER } from '../../sim/demo-data';
import { eventually, startHarness, type Harness } from '../../helpers/harness';

let h: Harness;
afterEach(async () => h?.close());
const meter = DEMO_STS_METERS[1]!.number;
const sell = async (m = meter) => h.call('sales.sell', await h.confirmed({ meterNumber: m, amountMinor: 1500, tenderedMinor: 2000, paymentMethod: 'cash' }));

describe('sale outcomes', () => {
  it('a vendor refusal fails the sale with a bilingual reason, and it is still synced', async () => {
    h = await startHarness();
    await h.login();
    // The counter knows this meter, the vendor does not.
    h.app.db.write.prepare(`INSERT INTO meters (number, kind, schedule_code, sts_sgc, sts_ti, sts_krn, sts_key_type, sts_base_date, created_at)
      VALUES (?, 'sts', 'RES-TOU', '123456', '01', 1, 2, 2014, 'x')`).run(DEMO_UNKNOWN_STS_METER);
    const sale = await sell(DEMO_UNKNOWN_STS_METER);
    expect(sale.status).toBe('failed');
    expect(sale.token).toBeNull();
    expect(sale.errorMessage?.ar).toBeTruthy();
    expect(sale.errorMessage?.en).toBeTruthy();
    await eventually(() => h.sims.headOffice.receivedCount(sale.id) === 1, 10_000, 'the failed sale to be synced');
  });

  it('a lost answer makes the sale unknown; the worker resolves it by verifying the same key', async () => {
    h = await startHarness({ env: { STS_API_TIMEOUT: '300', STS_API_RETRY_ATTEMPTS: '0' } });
    await h.login();
    await h.sims.sts.setFaults({ latencyMs: 1_000 });
    const sale = await sell();
    expect(sale.status).toBe('unknown');
    expect(sale.token).toBeNull();
    await h.sims.sts.setFaults({});
    await eventually(async () => (await h.call('sales.get', { id: sale.id })).status === 'issued', 15_000, 'verification');
    const resolved = await h.call('sales.get', { id: sale.id });
    expect(resolved.token).toBe(h.sims.sts.chargesByKey.get(sale.id)?.token);
    expect(h.sims.sts.chargesByKey.size).toBe(1); // verified, never vended again
    await eventually(() => h.sims.headOffice.receivedCount(sale.id) === 1, 10_000, 'the resolved sale to be synced');
  });

  it('a printer fault never touches the sale; printing again works once the printer is back', async () => {
    h = await startHarness();
    await h.login();
    await h.sims.printer.setFaults({ offline: true });
    const sale = await sell();
    expect(sale.status).toBe('issued');
    expect(sale.printStatus).toBe('failed');
    await h.sims.printer.setFaults({});
    const again = await h.call('sales.print', { id: sale.id });
    expect(again).toEqual({ printed: true, copy: false, error: null });
    const copy = await h.call('sales.print', { id: sale.id });
    expect(copy.copy).toBe(true);
    expect((await h.call('sales.get', { id: sale.id })).printStatus).toBe('printed');
  });

  it('after a crash between paid and the outcome, start-up reconciles every sale to one state', async () => {
    // The crash: the process stops right after the paid commit (a settled sale cannot be put back
    // to `paid` by hand: the database refuses it, migration 0009).
    h = await startHarness({ app: { startWorker: false, onSaleStep: (step) => { if (step === 'paid') throw new Error('crash after paid'); } } });
    await h.login();
    const r = await h.raw('sales.sell', await h.confirmed({ meterNumber: meter, amountMinor: 1500, tenderedMinor: 2000, paymentMethod: 'cash' }));
    expect(r.ok).toBe(false);
    const sale = h.app.db.read.prepare(`SELECT id, status FROM sales`).get() as { id: string; status: string };
    expect(sale.status).toBe('paid');
    const dataDir = h.dataDir;
    await h.app.close();
    const firstSims = h.sims;
    h = await startHarness({ dataDir, seed: false });
    await firstSims.close();
    await h.login();
    // The process died before the charge left: the ledger holds no attempt, so nothing can ever
    // reach a vendor and the sale fails at once, never vended after the fact.
    await eventually(async () => (await h.call('sales.get', { id: sale.id })).status === 'failed', 15_000, 'reconciliation');
    expect((await h.call('sales.get', { id: sale.id })).errorCode).toBe('NEVER_SENT');
    expect(h.sims.sts.chargesByKey.size).toBe(0);
  });
});
