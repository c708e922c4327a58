// Sale rows <-> the contract's Sale. All sale writes happen inside transactions opened by
// main/sales; these functions only read and write rows.
import type { ReadDb, WriteDb } from '../open';
import { stmt } from './stmt';
import type { Bilingual, PaymentMethod, Quote, Sale, SaleStatus, VendorReceipt } from '../../preload/contract';

interface SaleRow {
  id: string; receipt_no: number; user_id: number; meter_number: string; status: SaleStatus; payment_method: PaymentMethod;
  quote_json: string; token: string | null; token_source: 'vendor' | 'local' | null; sts_tid: number | null;
  vendor_ref: string | null; error_code: string | null; error_message_json: string | null;
  print_status: Sale['printStatus']; print_count: number; created_at: string; updated_at: string; cashier: string;
  key_change_tokens: string | null;
  vendor_receipt_json: string | null;
}

const SELECT = `SELECT s.*, u.display_name AS cashier FROM sales s JOIN users u ON u.id = s.user_id`;

// The stored quote is the sale's first half: the sale's own fields are set on the parsed quote
// rather than spread into a copy (the outbox builds hundreds of these per head-office batch).
// Same keys in the same order as spreading the quote first.
function toSale(r: SaleRow): Sale {
  const sale = JSON.parse(r.quote_json) as Quote & Partial<Sale>;
  sale.id = r.id;
  sale.receiptNo = r.receipt_no;
  sale.status = r.status;
  sale.paymentMethod = r.payment_method;
  sale.cashier = r.cashier;
  sale.token = r.token;
  sale.tokenSource = r.token_source;
  sale.vendorRef = r.vendor_ref;
  sale.errorCode = r.error_code;
  sale.errorMessage = r.error_message_json ? (JSON.parse(r.error_message_json) as Bilingual) : null;
  sale.createdAt = r.created_at;
  sale.updatedAt = r.updated_at;
  sale.printStatus = r.print_status;
  // Only a sale that carried a key change has the field: every other sale reads as it always did.
  if (r.key_change_tokens) sale.keyChangeTokens = JSON.parse(r.key_change_tokens) as [string, string];
  if (r.vendor_receipt_json) sale.vendorReceipt = JSON.parse(r.vendor_receipt_json) as VendorReceipt;
  return sale as Sale;
}

export function getSale(db: ReadDb, id: string): Sale | null {
  const r = stmt(db, `${SELECT} WHERE s.id = ?`).get(id) as SaleRow | undefined;
  return r ? toSale(r) : null;
}

/**
 * Cached, one statement for the whole list: the outbox sends the head office up to hundreds of
 * sales at a time. Sales that do not exist are left out; the order is the database's.
 */
export function getSales(db: ReadDb, ids: readonly string[]): Sale[] {
  if (ids.length === 0) return [];
  const rows = stmt(db, `${SELECT} WHERE s.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as SaleRow[];
  return rows.map(toSale);
}

export function recentSales(db: ReadDb, limit: number): Sale[] {
  return (db.prepare(`${SELECT} ORDER BY s.receipt_no DESC LIMIT ?`).all(limit) as SaleRow[]).map(toSale);
}

export function saleIdsInStatus(db: ReadDb, statuses: SaleStatus[]): { id: string; product: Quote['product'] }[] {
  return db
    .prepare(`SELECT id, product FROM sales WHERE status IN (${statuses.map(() => '?').join(',')}) ORDER BY receipt_no`)
    .all(...statuses) as { id: string; product: Quote['product'] }[];
}

export function nextReceiptNo(db: WriteDb): number {
  const r = stmt(db, `UPDATE counters SET value = value + 1 WHERE name = 'receipt_no' RETURNING value`).get() as { value: number };
  return r.value;
}

export interface NewSale {
  id: string; receiptNo: number; userId: number; meterId: number; quote: Quote; paymentMethod: PaymentMethod; at: string;
  /** The seller's open shift when known before the insert (saves updating the row just written). */
  shiftId?: number | null;
}

export function insertPaidSale(db: WriteDb, s: NewSale): void {
  const q = s.quote;
  stmt(db, 
    `INSERT INTO sales (id, receipt_no, user_id, meter_id, meter_number, product, status, payment_method, currency,
       amount_minor, tendered_minor, charged_minor, change_minor, value_minor, energy_tenths, est_energy_tenths,
       quote_json, created_at, updated_at, shift_id)
     VALUES (?, ?, ?, ?, ?, ?, 'paid', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.id, s.receiptNo, s.userId, s.meterId, q.meterNumber, q.product, s.paymentMethod, q.currency,
    q.amountMinor, q.tenderedMinor, q.chargedMinor, q.changeMinor, q.valueMinor, q.energyTenths, q.estimatedEnergyTenths,
    JSON.stringify(q), s.at, s.at, s.shiftId ?? null,
  );
}

export interface Outcome {
  status: Exclude<SaleStatus, 'paid'>;
  token?: string | null; tokenSource?: 'vendor' | 'local' | null; tid?: number | null; vendorRef?: string | null;
  errorCode?: string | null; errorMessage?: Bilingual | null;
  /** The two key-change tokens entered before the credit token (a meter whose key data changed). */
  keyChangeTokens?: [string, string] | null;
  /** A server's own receipt: its number, transactions and every token in entry order (XMLVend). */
  vendorReceipt?: VendorReceipt | null;
}

/**
 * Writes the outcome's columns only. A TID must already be in the meter's token ledger (the
 * database refuses it otherwise, migration 0009): main/sales/outcome.ts records it first.
 */
export function setOutcome(db: WriteDb, id: string, o: Outcome, at: string): void {
  db.prepare(
    `UPDATE sales SET status = ?, token = COALESCE(?, token), token_source = COALESCE(?, token_source),
       sts_tid = COALESCE(?, sts_tid), vendor_ref = COALESCE(?, vendor_ref), error_code = ?, error_message_json = ?, updated_at = ?,
       key_change_tokens = COALESCE(?, key_change_tokens), vendor_receipt_json = COALESCE(?, vendor_receipt_json)
     WHERE id = ?`,
  ).run(o.status, o.token ?? null, o.tokenSource ?? null, o.tid ?? null, o.vendorRef ?? null, o.errorCode ?? null,
    o.errorMessage ? JSON.stringify(o.errorMessage) : null, at, o.keyChangeTokens ? JSON.stringify(o.keyChangeTokens) : null,
    o.vendorReceipt ? JSON.stringify(o.vendorReceipt) : null, id);
}

/** A sale that keeps its status (unknown) but now says why (e.g. the vendor's answer did not match). */
export function setSaleError(db: WriteDb, id: string, code: string, message: { en: string; ar: string }, at: string): void {
  db.prepare('UPDATE sales SET error_code = ?, error_message_json = ?, updated_at = ? WHERE id = ?').run(code, JSON.stringify(message), at, id);
}

export function setPrintStatus(db: WriteDb, id: string, status: Sale['printStatus'], at: string, printed: boolean): void {
  db.prepare('UPDATE sales SET print_status = ?, print_count = print_count + ?, updated_at = ? WHERE id = ?').run(status, printed ? 1 : 0, at, id);
}

export function printCount(db: ReadDb, id: string): number {
  return (db.prepare('SELECT print_count FROM sales WHERE id = ?').get(id) as { print_count: number } | undefined)?.print_count ?? 0;
}

export function saleStatus(db: ReadDb, id: string): SaleStatus | null {
  return (db.prepare('SELECT status FROM sales WHERE id = ?').get(id) as { status: SaleStatus } | undefined)?.status ?? null;
}

/** Sales a cashier is waiting on: money credit not yet delivered, tokens not yet confirmed. */
export function openSales(db: ReadDb, limit: number): Sale[] {
  return (db.prepare(`${SELECT} WHERE s.status IN ('pending', 'unknown') ORDER BY s.receipt_no DESC LIMIT ?`).all(limit) as SaleRow[]).map(toSale);
}

/**
 * Money vended on this counter and not yet acknowledged by the head office (the offline credit in
 * use). Every sale enqueues exactly one headoffice.sale message in its paid transaction, so this is
 * read from the messages not yet done (pending or dead-lettered, through outbox_due) — a few rows —
 * not from every local token the counter ever made, which on an offline-only counter is all its sales.
 * (`+o.topic`: the (topic, key) index would walk every sale's message.)
 */
export function localCreditInUse(db: ReadDb): number {
  const r = db.prepare(
    `SELECT COALESCE(SUM(s.charged_minor), 0) AS m FROM outbox o JOIN sales s ON s.id = o.sale_id
     WHERE o.status IN ('pending', 'dead') AND +o.topic = 'headoffice.sale' AND s.token_source = 'local'`,
  ).get() as { m: number };
  return r.m;
}

/** The highest TID this counter issued locally for a meter (null: none). */
export function lastLocalTid(db: ReadDb, meterId: number): number | null {
  const r = db.prepare(`SELECT MAX(sts_tid) AS t FROM sales WHERE token_source = 'local' AND meter_id = ?`).get(meterId) as { t: number | null };
  return r.t;
}

/** STS sales of a meter whose vendor outcome is still unknown (each may hold a TID we have not seen). */
export function unknownStsCount(db: ReadDb, meterId: number, exceptSaleId: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM sales WHERE meter_id = ? AND status = 'unknown' AND product = 'sts_kwh' AND id <> ?`)
    .get(meterId, exceptSaleId) as { n: number }).n;
}

export function meterLastTid(db: ReadDb, meterId: number): number | null {
  return (db.prepare('SELECT sts_last_tid AS t FROM meters WHERE id = ?').get(meterId) as { t: number | null } | undefined)?.t ?? null;
}

export function saleExists(db: ReadDb, id: string): boolean {
  return !!db.prepare('SELECT 1 FROM sales WHERE id = ?').get(id);
}

/** The sale's receipt number; the sale must exist. */
export function receiptNoOf(db: ReadDb, id: string): number {
  return (db.prepare('SELECT receipt_no FROM sales WHERE id = ?').get(id) as { receipt_no: number }).receipt_no;
}

/** The sale's print count, or undefined when there is no such sale. */
export function printCountIfAny(db: ReadDb, id: string): number | undefined {
  return (db.prepare('SELECT print_count AS n FROM sales WHERE id = ?').get(id) as { n: number } | undefined)?.n;
}

/** Cached: recording an outcome with a TID (every token sale) runs this. */
export function saleMeterId(db: ReadDb, id: string): number | undefined {
  return (stmt(db, 'SELECT meter_id FROM sales WHERE id = ?').get(id) as { meter_id: number } | undefined)?.meter_id;
}

/** Cached: a failed outcome reads what it needs to give back the debt the sale recovered. */
export function saleDebtContext(db: ReadDb, id: string): { meter_id: number; meter_number: string; user_id: number; quote_json: string } | undefined {
  return stmt(db, 'SELECT meter_id, meter_number, user_id, quote_json FROM sales WHERE id = ?').get(id) as
    { meter_id: number; meter_number: string; user_id: number; quote_json: string } | undefined;
}

export function countSales(db: ReadDb): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number }).n;
}

/** Sales whose outcome is not known yet, from the sales_status index. */
export function unknownSalesCount(db: ReadDb): number {
  return (stmt(db, `SELECT COUNT(*) AS n FROM sales WHERE status = 'unknown'`).get() as { n: number }).n;
}
