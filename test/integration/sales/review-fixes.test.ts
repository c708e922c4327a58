// Money paths found by review: a failed sale gives back the debt it had recovered; a refused
// recharge sent again never turns a failed (refunded) sale into a credited one; an error while
// issuing leaves the sale `unknown` (then settled by its key), never stuck in `paid`.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../../sim/demo-data';
import { eventually, startHarness, type Harness } from '../../helpers/harness';

let h: Harness;
afterEach(async () => h?.close());
const debtOf = (n: string) => (h.app.db.read.prepare('SELECT debt_minor AS d FROM meters WHERE number = ?').get(n) as { d: number }).d;

describe('review fixes', () => {
  it('a failed sale gives back the debt it had recovered', async () => {
    h = await startHarness();
    await h.login();
    const meter = DEMO_STS_METERS[3]!.number; // COM-FLAT through FEEDER-3: 10 % debt recovery
    h.app.db.write.prepare('UPDATE meters SET debt_minor = 5000 WHERE number = ?').run(meter);
    await h.sims.sts.setFaults({ failNext: { status: 400 } });
    const sale = await h.call('sales.sell', await h.confirmed({ meterNumber: meter, amountMinor: 10_000, tenderedMinor: 10_000, paymentMethod: 'cash' }));
    expect(sale.status).toBe('failed');
    expect(sale.debt?.recoveredMinor).toBeGreaterThan(0);
    expect(debtOf(meter)).toBe(5000);
    const audit = h.app.db.read.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'meter.debt_restored'`).get() as { n: number };
    expect(audit.n).toBe(1);
  });

  it('retrying a refused recharge does not credit a refunded sale', async () => {
    h = await startHarness();
    await h.login();
    const meter = DEMO_ACREL_METERS[1]!.number;
    await h.sims.acrel.setFaults({ failNext: { status: 400 } });
    const sale = await h.call('sales.sell', await h.confirmed({ meterNumber: meter, amountMinor: 5000, tenderedMinor: 5000, paymentMethod: 'cash' }));
    expect(sale.status).toBe('failed');
    await h.login('supervisor', '2222');
    const [dead] = await h.call('outbox.deadLetters', {});
    await h.call('outbox.retry', { id: dead!.id });
    await eventually(async () => (await h.call('outbox.deadLetters', {})).length === 1, 10_000, 'the retry to be refused again');
    expect((await h.call('sales.get', { id: sale.id })).status).toBe('failed');
    expect(h.sims.acrel.rechargesByKey.has(sale.id)).toBe(false);
  });

  it('an error while issuing leaves the sale unknown and settles it by its key', async () => {
    h = await startHarness({ env: { STS_API_RETRY_ATTEMPTS: '0' } });
    await h.login();
    // The vendor is unreachable, so the counter vends locally, and the vending key cannot be opened.
    // (A loaded key never changes: the damaged one is a replacement row, as a bad restore would leave.)
    h.app.db.write.prepare(`UPDATE vending_keys SET retired_at = created_at WHERE retired_at IS NULL`).run();
    h.app.db.write.prepare(`INSERT INTO vending_keys (sgc, krn, sealed, created_at) VALUES ('123456', 1, 'AAAA', '2026-01-01T00:00:00.000Z')`).run();
    await h.sims.sts.setFaults({ offline: true });
    const sale = await h.call('sales.sell', await h.confirmed({ meterNumber: DEMO_STS_METERS[0]!.number, amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' }));
    expect(sale.status).toBe('unknown');
    await h.sims.sts.setFaults({});
    // Nothing was vended: once the vendor's window has passed the sale fails, never stays paid.
    await eventually(async () => (await h.call('sales.get', { id: sale.id })).status === 'failed', 15_000, 'the sale to be settled');
  });
});
