// The sales history screen's queries: a filtered page of sales with their cashier, customer and copy count, and a meter's last tokens.
import type { ReadDb } from '../open';
import { escapeLike } from './customers';

export interface HistoryRow {
  id: string; receipt_no: number; meter_number: string; customer_name: string | null; product: 'sts_kwh' | 'acrel_credit' | 'settlement';
  status: 'paid' | 'issued' | 'pending' | 'unknown' | 'failed'; payment_method: 'cash' | 'card' | 'transfer'; charged_minor: number; energy_tenths: number | null;
  value_minor: number; token: string | null; cashier: string; shift_id: number | null; created_at: string; print_status: 'none' | 'queued' | 'printed' | 'failed'; copies: number;
}

/** Filters already normalised by the caller: a compact meter-number prefix, a normalised customer query, ISO times. */
export interface HistoryFilter {
  meterPrefix?: string; receiptNo?: number; customer?: string; from?: string; to?: string;
  status?: HistoryRow['status']; shiftId?: number; limit: number; offset: number;
}

export function historyPage(db: ReadDb, q: HistoryFilter): { rows: HistoryRow[]; total: number } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.meterPrefix !== undefined) { where.push(`s.meter_number LIKE ? ESCAPE '\\'`); args.push(`${escapeLike(q.meterPrefix)}%`); }
  if (q.receiptNo !== undefined) { where.push('s.receipt_no = ?'); args.push(q.receiptNo); }
  if (q.customer !== undefined) { where.push(`c.search_norm LIKE ? ESCAPE '\\'`); args.push(`%${escapeLike(q.customer)}%`); }
  if (q.from !== undefined) { where.push('s.created_at >= ?'); args.push(q.from); }
  if (q.to !== undefined) { where.push('s.created_at < ?'); args.push(q.to); }
  if (q.status) { where.push('s.status = ?'); args.push(q.status); }
  if (q.shiftId !== undefined) { where.push('s.shift_id = ?'); args.push(q.shiftId); }
  const from = `FROM sales s JOIN users u ON u.id = s.user_id LEFT JOIN meters m ON m.id = s.meter_id LEFT JOIN customers c ON c.id = m.customer_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const rows = db.prepare(`SELECT s.id, s.receipt_no, s.meter_number, json_extract(s.quote_json, '$.customerName') AS customer_name, s.product, s.status,
      s.payment_method, s.charged_minor, s.energy_tenths, s.value_minor, s.token, u.display_name AS cashier, s.shift_id, s.created_at, s.print_status,
      (SELECT COUNT(*) FROM print_jobs p WHERE p.sale_id = s.id AND p.copy = 1) AS copies
    ${from} ORDER BY s.receipt_no DESC LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as HistoryRow[];
  const total = (db.prepare(`SELECT COUNT(*) AS n ${from}`).get(...args) as { n: number }).n;
  return { rows, total };
}

export interface LastToken { saleId: string; receiptNo: number; token: string; energyTenths: number | null; chargedMinor: number; tokenSource: 'vendor' | 'local' | null; createdAt: string }

/** The meter's three newest issued tokens, newest first. */
export function lastIssuedTokens(db: ReadDb, meterNumber: string): LastToken[] {
  return db.prepare(`SELECT id AS saleId, receipt_no AS receiptNo, token, energy_tenths AS energyTenths, charged_minor AS chargedMinor,
      token_source AS tokenSource, created_at AS createdAt
    FROM sales WHERE meter_number = ? AND status = 'issued' AND token IS NOT NULL ORDER BY created_at DESC, receipt_no DESC LIMIT 3`).all(meterNumber) as LastToken[];
}
