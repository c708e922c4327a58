// The Z report of a long shift reads only that shift's sales: every statement closing a shift runs
// (its totals, the open and refused sales, the Z number, the report row) finds the sales through
// sales_shift, and none reads a table that grows with history from end to end.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STS_METERS } from '../../../sim/demo-data';
import { startHarness, type Harness } from '../../../helpers/harness';
import { captureStatements, historyScans, type Ran } from './capture';

let h: Harness;
let ran: Ran[] = [];
beforeAll(async () => {
  h = await startHarness();
  await h.login('cashier', '1111');
  await h.call('shifts.open', { floatMinor: 5_000 });
  for (let i = 0; i < 3; i++) await h.call('sales.sell', await h.confirmed({ meterNumber: DEMO_STS_METERS[0]!.number, amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' }));
  ran = await captureStatements(async () => {
    const z = await h.call('shifts.close', { countedCashMinor: 8_000 });
    expect(z.report.totals.salesCount).toBe(3);
  });
});
afterAll(async () => {
  await h.close();
});

describe('closing a shift (the Z report)', () => {
  it('reads the shift\'s sales through sales_shift', () => {
    const db = new Database(h.app.db.file, { readonly: true });
    try {
      const onSales = ran.filter((r) => /FROM sales s\b/.test(r.sql));
      expect(onSales.length).toBeGreaterThanOrEqual(3); // the grouped totals, tariff periods, deductions (and the listed sales, when there are any)
      for (const r of onSales) {
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.args) as { detail: string }[]).map((p) => p.detail);
        expect(plan.join('\n'), r.sql).toMatch(/SEARCH s USING INDEX sales_shift \(shift_id=\?\)/);
      }
    } finally {
      db.close();
    }
  });

  it('never scans a table that grows with history', () => {
    const db = new Database(h.app.db.file, { readonly: true });
    try {
      const scans = ran.map((r) => ({ sql: r.sql.replace(/\s+/g, ' ').trim(), scans: historyScans(db, r) })).filter((r) => r.scans.length > 0);
      expect(scans).toEqual([]);
    } finally {
      db.close();
    }
  });
});
