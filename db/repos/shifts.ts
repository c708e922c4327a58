// Shift rows (open, close, list), the Z-report rows and their counter, and a shift's totals computed from its sales.
import type { ReadDb, WriteDb } from '../open';
import type { ShiftTotals } from '../../preload/contract';
import { stmt } from './stmt';

export interface ShiftRow {
  id: number; user_id: number; counter: string; status: 'open' | 'closed'; float_minor: number; auto_opened: number;
  opened_at: string; opened_by: number; closed_at: string | null; closed_by: number | null; z_no: number | null; cashier: string;
}

const SELECT = 'SELECT sh.*, u.display_name AS cashier FROM shifts sh JOIN users u ON u.id = sh.user_id';

export function shiftRow(db: ReadDb, id: number): ShiftRow | null {
  return (db.prepare(`${SELECT} WHERE sh.id = ?`).get(id) as ShiftRow | undefined) ?? null;
}

/** Cached: every sale's commit looks up the seller's open shift. */
export function openShiftRow(db: ReadDb, userId: number, counter: string): ShiftRow | null {
  return (stmt(db, `${SELECT} WHERE sh.user_id = ? AND sh.counter = ? AND sh.status = 'open'`).get(userId, counter) as ShiftRow | undefined) ?? null;
}

/** Cached: the sale's commit only needs the id (index shifts_one_open). */
export function openShiftId(db: ReadDb, userId: number, counter: string): number | null {
  return (stmt(db, `SELECT id FROM shifts WHERE user_id = ? AND counter = ? AND status = 'open'`).get(userId, counter) as { id: number } | undefined)?.id ?? null;
}

export function insertShift(db: WriteDb, s: { userId: number; counter: string; floatMinor: number; auto: boolean; at: string }): number {
  const { id } = db.prepare(`INSERT INTO shifts (user_id, counter, float_minor, auto_opened, opened_at, opened_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`)
    .get(s.userId, s.counter, s.floatMinor, Number(s.auto), s.at, s.userId) as { id: number };
  return id;
}

/** Cached: this runs in every sale's commit. */
export function setSaleShift(db: WriteDb, saleId: string, shiftId: number): void {
  stmt(db, 'UPDATE sales SET shift_id = ? WHERE id = ?').run(shiftId, saleId);
}

export function shiftRowsPage(db: ReadDb, status: 'open' | 'closed' | undefined, limit: number, offset: number): { rows: ShiftRow[]; total: number } {
  const where = status ? 'WHERE sh.status = ?' : '';
  const args = status ? [status] : [];
  const rows = db.prepare(`${SELECT} ${where} ORDER BY sh.id DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as ShiftRow[];
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM shifts sh ${where}`).get(...args) as { n: number }).n;
  return { rows, total };
}

export function nextZNo(db: WriteDb): number {
  return (db.prepare(`UPDATE counters SET value = value + 1 WHERE name = 'z_no' RETURNING value`).get() as { value: number }).value;
}

export function markShiftClosed(db: WriteDb, shiftId: number, at: string, closedBy: number, zNo: number): void {
  db.prepare(`UPDATE shifts SET status = 'closed', closed_at = ?, closed_by = ?, z_no = ? WHERE id = ?`).run(at, closedBy, zNo, shiftId);
}

export interface NewZReport {
  zNo: number; shiftId: number; userId: number; closedBy: number; at: string; floatMinor: number; expectedCashMinor: number; countedCashMinor: number;
  varianceMinor: number; salesCount: number; chargedMinor: number; json: string; hash: string;
}

export function insertZReport(db: WriteDb, z: NewZReport): void {
  db.prepare(`INSERT INTO z_reports (z_no, shift_id, user_id, closed_by, created_at, float_minor, expected_cash_minor, counted_cash_minor,
        variance_minor, sales_count, charged_minor, report_json, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(z.zNo, z.shiftId, z.userId, z.closedBy, z.at, z.floatMinor, z.expectedCashMinor, z.countedCashMinor, z.varianceMinor, z.salesCount, z.chargedMinor, z.json, z.hash);
}

export interface ZRow { report_json: string; hash: string; user_id: number }

export function zReportRow(db: ReadDb, zNo: number): ZRow | undefined {
  return db.prepare('SELECT report_json, hash, user_id FROM z_reports WHERE z_no = ?').get(zNo) as ZRow | undefined;
}

/** Z reports created in [from, to) (ISO), newest first, a page at a time. */
export function zReportRowsPage(db: ReadDb, from: string, to: string, limit: number, offset: number): { rows: ZRow[]; total: number } {
  const where = 'WHERE created_at >= ? AND created_at < ?';
  const args = [from, to];
  const rows = db.prepare(`SELECT report_json, hash, user_id FROM z_reports ${where} ORDER BY z_no DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as ZRow[];
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM z_reports ${where}`).get(...args) as { n: number }).n;
  return { rows, total };
}

// A shift's totals, straight from the sales rows. Refused sales ('failed') are listed but counted
// in no total: their money is handed back at the counter.
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

