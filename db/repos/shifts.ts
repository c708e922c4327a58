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
//
// A long shift is tens of thousands of sales of about a kilobyte each, found through sales_shift:
// every pass over them costs about as much as what it sums. So the money totals come from ONE
// grouped pass (product x payment method x status: a handful of groups, added up here), the
// tariff periods and the deductions (read out of the stored quotes) from one pass each, and the
// open and refused sales from one more, skipped when the shift has none.
type OpenSale = ShiftTotals['open'][number];
type Product = ShiftTotals['byProduct'][number]['product'];
type Method = ShiftTotals['byPaymentMethod'][number]['method'];
type Status = ShiftTotals['byStatus'][number]['status'];
type Kind = ShiftTotals['byDeduction'][number]['kind'];

interface Group {
  product: Product; method: Method; status: Status;
  count: number; charged: number; energy: number | null; value: number; tokens: number; tendered: number; change: number;
}

const LIVE = `s.shift_id = ? AND s.status <> 'failed'`;

const GROUPS = `SELECT s.product, s.payment_method AS method, s.status, COUNT(*) AS count, SUM(s.charged_minor) AS charged,
    SUM(s.energy_tenths) AS energy, SUM(s.value_minor) AS value, COUNT(s.token) AS tokens, SUM(s.tendered_minor) AS tendered, SUM(s.change_minor) AS change
  FROM sales s WHERE s.shift_id = ? GROUP BY 1, 2, 3`;

const PERIODS = `SELECT t.code AS scheduleCode, json_extract(s.quote_json, '$.tariff.periodName.ar') AS ar, json_extract(s.quote_json, '$.tariff.periodName.en') AS en,
    COUNT(*) AS count, SUM(s.charged_minor) AS chargedMinor, COALESCE(SUM(s.energy_tenths), 0) AS energyTenths
  FROM sales s LEFT JOIN tariff_schedules t ON t.id = json_extract(s.quote_json, '$.tariff.scheduleId')
  WHERE ${LIVE} AND s.product <> 'settlement' GROUP BY 1, 2, 3 ORDER BY 1, 3`;

const DEDUCTIONS = `SELECT json_extract(d.value, '$.kind') AS kind, SUM(json_extract(d.value, '$.amountMinor')) AS amountMinor
  FROM sales s, json_each(s.quote_json, '$.deductions') d WHERE ${LIVE} GROUP BY 1 ORDER BY 1`;

const LISTED_STATUSES = new Set<Status>(['paid', 'pending', 'unknown', 'failed']);

/** Text in SQLite's BINARY order (UTF-8 bytes): the order these lists always had. */
const byText = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Adds up `groups` per key, in key order. */
function rollUp<K extends string>(groups: Group[], key: (g: Group) => K): [K, { count: number; chargedMinor: number; energyTenths: number; valueMinor: number }][] {
  const m = new Map<K, { count: number; chargedMinor: number; energyTenths: number; valueMinor: number }>();
  for (const g of groups) {
    const a = m.get(key(g)) ?? { count: 0, chargedMinor: 0, energyTenths: 0, valueMinor: 0 };
    m.set(key(g), { count: a.count + g.count, chargedMinor: a.chargedMinor + g.charged, energyTenths: a.energyTenths + (g.energy ?? 0), valueMinor: a.valueMinor + g.value });
  }
  return [...m].sort(([a], [b]) => byText(a, b));
}

export function shiftTotals(db: ReadDb, shiftId: number, floatMinor: number): ShiftTotals {
  const groups = stmt(db, GROUPS).all(shiftId) as Group[];
  const live = groups.filter((g) => g.status !== 'failed');
  const cash = live.filter((g) => g.method === 'cash');
  const total = (rows: Group[], f: (g: Group) => number | null) => rows.reduce((n, g) => n + (f(g) ?? 0), 0);
  const listed = groups.some((g) => LISTED_STATUSES.has(g.status)) ? listedSales(db, shiftId) : [];
  return {
    salesCount: total(live, (g) => g.count),
    chargedMinor: total(live, (g) => g.charged),
    byProduct: rollUp(live, (g) => g.product).map(([product, l]) => ({ product, ...l })),
    byPaymentMethod: rollUp(live, (g) => g.method).map(([method, l]) => ({ method, count: l.count, chargedMinor: l.chargedMinor })),
    byTariffPeriod: (stmt(db, PERIODS).all(shiftId) as { scheduleCode: string | null; ar: string; en: string; count: number; chargedMinor: number; energyTenths: number }[])
      .map((r) => ({ scheduleCode: r.scheduleCode ?? '?', periodName: { ar: r.ar, en: r.en }, count: r.count, chargedMinor: r.chargedMinor, energyTenths: r.energyTenths })),
    byDeduction: stmt(db, DEDUCTIONS).all(shiftId) as { kind: Kind; amountMinor: number }[],
    tokensIssued: total(live, (g) => g.tokens),
    energyTenths: total(live, (g) => (g.product === 'sts_kwh' ? g.energy : 0)),
    creditMinor: total(live, (g) => (g.product === 'acrel_credit' ? g.value : 0)),
    cash: { floatMinor, salesMinor: total(cash, (g) => g.charged), tenderedMinor: total(cash, (g) => g.tendered), changeMinor: total(cash, (g) => g.change) },
    byStatus: rollUp(groups, (g) => g.status).map(([status, l]) => ({ status, count: l.count })),
    open: listed.filter((r) => r.status !== 'failed'),
    failed: listed.filter((r) => r.status === 'failed'),
  };
}

/** The shift's sales still open (paid, pending, unknown) and refused, oldest first. */
function listedSales(db: ReadDb, shiftId: number): OpenSale[] {
  const rows = stmt(db, `SELECT id, receipt_no, meter_number, product, status, payment_method, charged_minor, created_at FROM sales s
     WHERE s.shift_id = ? AND s.status IN ('paid', 'pending', 'unknown', 'failed') ORDER BY receipt_no`)
    .all(shiftId) as { id: string; receipt_no: number; meter_number: string; product: OpenSale['product']; status: OpenSale['status']; payment_method: OpenSale['paymentMethod']; charged_minor: number; created_at: string }[];
  return rows.map((r): OpenSale => ({ saleId: r.id, receiptNo: r.receipt_no, meterNumber: r.meter_number, product: r.product, status: r.status, paymentMethod: r.payment_method, chargedMinor: r.charged_minor, createdAt: r.created_at }));
}
