// A whole counter (createApp through the test harness) whose HEAD_OFFICE_URL points at the real
// head-office service instead of the simulator: a sale made at the till travels through the
// counter's outbox into PostgreSQL, once, and stays once however often the outbox runs again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import { eventually, startHarness, type Harness } from '../../helpers/harness';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
let ho: TestHeadOffice;
let h: Harness | undefined;
beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase());
});
afterAll(() => ho?.close());
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a counter syncing to the real head office', () => {
  it('delivers a sale made at the till into the ledger exactly once', async () => {
    const counter = await ho.addCounter('Counter 1');
    h = await startHarness({ env: { HEAD_OFFICE_URL: ho.url, HEAD_OFFICE_KEY: counter.apiKey, HEAD_OFFICE_SECRET: counter.apiSecret } });
    await h.login();
    const sale = await h.call('sales.sell', await h.confirmed({ meterNumber: DEMO_STS_METERS[0]!.number, amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' }));
    expect(sale.status).toBe('issued');

    const outboxState = () =>
      (h!.app.db.read.prepare(`SELECT status FROM outbox WHERE topic = 'headoffice.sale' AND sale_id = ?`).get(sale.id) as { status: string } | undefined)?.status;
    await eventually(() => outboxState() === 'done', 10_000, 'the outbox to deliver the sale to the head office');

    const stored = async () => (await ho.pool.query('SELECT counter_id, status, delivery_count, record, charged_minor FROM sales WHERE sale_id = $1', [sale.id])).rows;
    // The record as the counter holds it, but for what changed after it was sent (the receipt printed).
    const record = { ...(await h.call('sales.get', { id: sale.id })), printStatus: expect.any(String), updatedAt: expect.any(String) };
    const expected = [{ counter_id: String(counter.id), status: 'issued', delivery_count: 1, record, charged_minor: String(sale.chargedMinor) }];
    expect(await stored()).toEqual(expected);
    // The simulator the harness also started never heard of it.
    expect(h.sims.headOffice.receivedCount(sale.id)).toBe(0);

    await h.call('sync.now', {});
    expect(await stored()).toEqual(expected);
    expect((await ho.pool.query('SELECT count(*)::int AS n FROM sales')).rows[0]).toEqual({ n: 1 });
    // The push carried the counter's own counts: the sale was still waiting when it was sent, none unknown.
    expect((await ho.pool.query('SELECT pending_sales, unknown_sales FROM counters WHERE id = $1', [counter.id])).rows).toEqual([{ pending_sales: 1, unknown_sales: 0 }]);
    // And the decimals its amounts are in (the harness's counter: YER with 0), for the reports.
    expect((await ho.pool.query('SELECT currency_decimals FROM counters WHERE id = $1', [counter.id])).rows).toEqual([{ currency_decimals: 0 }]);
  });
});
