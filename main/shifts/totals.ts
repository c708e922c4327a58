// A shift's totals, straight from the sales rows (pure reads; the X report, the Z report and the
// whole-day test's own SQL all come back to these rows). Refused sales ('failed') are listed but
// counted in no total: their money is handed back at the counter.
import type { ReadDb } from '../../db/open';
import type { ShiftTotals } from '../../preload/contract';

type OpenSale = ShiftTotals['open'][number];
const LIVE = `s.shift_id = ? AND s.status <> 'failed'`;

export function shiftTotals(db: ReadDb, shiftId: number, floatMinor: number): ShiftTotals {
  const one = <T>(sql: string) => db.prepare(sql).get(shiftId) as T;
  const all = <T>(sql: string) => db.prepare(sql).all(shiftId) as T[];
  const sum = one<{ n: number; charged: number; energy: number; credit: number; tokens: number }>(
    `SELECT COUNT(*) AS n, COALESCE(SUM(charged_minor), 0) AS charged,
       COALESCE(SUM(CASE WHEN product = 'sts_kwh' THEN energy_tenths END), 0) AS energy,
       COALESCE(SUM(CASE WHEN product = 'acrel_credit' THEN value_minor END), 0) AS credit,
       COUNT(token) AS tokens
     FROM sales s WHERE ${LIVE}`);
  const cash = one<{ sales: number; tendered: number; change: number }>(
    `SELECT COALESCE(SUM(charged_minor), 0) AS sales, COALESCE(SUM(tendered_minor), 0) AS tendered, COALESCE(SUM(change_minor), 0) AS change
     FROM sales s WHERE ${LIVE} AND payment_method = 'cash'`);
  const listed = (where: string) => all<{ id: string; receipt_no: number; meter_number: string; product: OpenSale['product']; status: OpenSale['status']; payment_method: OpenSale['paymentMethod']; charged_minor: number; created_at: string }>(
    `SELECT id, receipt_no, meter_number, product, status, payment_method, charged_minor, created_at FROM sales s WHERE s.shift_id = ? AND ${where} ORDER BY receipt_no`,
  ).map((r): OpenSale => ({ saleId: r.id, receiptNo: r.receipt_no, meterNumber: r.meter_number, product: r.product, status: r.status, paymentMethod: r.payment_method, chargedMinor: r.charged_minor, createdAt: r.created_at }));
  return {
    salesCount: sum.n,
    chargedMinor: sum.charged,
    byProduct: all<{ product: ShiftTotals['byProduct'][number]['product']; count: number; chargedMinor: number; energyTenths: number; valueMinor: number }>(
      `SELECT product, COUNT(*) AS count, SUM(charged_minor) AS chargedMinor, COALESCE(SUM(energy_tenths), 0) AS energyTenths, SUM(value_minor) AS valueMinor
       FROM sales s WHERE ${LIVE} GROUP BY product ORDER BY product`),
    byPaymentMethod: all<{ method: 'cash' | 'card' | 'transfer'; count: number; chargedMinor: number }>(
      `SELECT payment_method AS method, COUNT(*) AS count, SUM(charged_minor) AS chargedMinor FROM sales s WHERE ${LIVE} GROUP BY payment_method ORDER BY payment_method`),
    byTariffPeriod: all<{ scheduleCode: string | null; ar: string; en: string; count: number; chargedMinor: number; energyTenths: number }>(
      `SELECT t.code AS scheduleCode, json_extract(s.quote_json, '$.tariff.periodName.ar') AS ar, json_extract(s.quote_json, '$.tariff.periodName.en') AS en,
         COUNT(*) AS count, SUM(s.charged_minor) AS chargedMinor, COALESCE(SUM(s.energy_tenths), 0) AS energyTenths
       FROM sales s LEFT JOIN tariff_schedules t ON t.id = json_extract(s.quote_json, '$.tariff.scheduleId')
       WHERE ${LIVE} AND s.product <> 'settlement' GROUP BY 1, 2, 3 ORDER BY 1, 3`,
    ).map((r) => ({ scheduleCode: r.scheduleCode ?? '?', periodName: { ar: r.ar, en: r.en }, count: r.count, chargedMinor: r.chargedMinor, energyTenths: r.energyTenths })),
    byDeduction: all<{ kind: 'vat' | 'fee' | 'debt'; amountMinor: number }>(
      `SELECT json_extract(d.value, '$.kind') AS kind, SUM(json_extract(d.value, '$.amountMinor')) AS amountMinor
       FROM sales s, json_each(s.quote_json, '$.deductions') d WHERE ${LIVE} GROUP BY 1 ORDER BY 1`),
    tokensIssued: sum.tokens,
    energyTenths: sum.energy,
    creditMinor: sum.credit,
    cash: { floatMinor, salesMinor: cash.sales, tenderedMinor: cash.tendered, changeMinor: cash.change },
    byStatus: all<{ status: OpenSale['status']; count: number }>(`SELECT status, COUNT(*) AS count FROM sales s WHERE s.shift_id = ? GROUP BY status ORDER BY status`),
    open: listed(`s.status IN ('paid', 'pending', 'unknown')`),
    failed: listed(`s.status = 'failed'`),
  };
}

/** What should be in the drawer: the float plus the cash taken for sales (tendered - change). */
export const expectedCash = (t: ShiftTotals): number => t.cash.floatMinor + t.cash.salesMinor;
