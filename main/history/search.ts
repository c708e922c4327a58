// Sales history (issue 8): search by meter, receipt number, customer (Arabic-normalised name or
// phone) or date range, newest first, a page at a time; and the last three tokens of a meter for
// a customer who lost theirs (audited: it shows tokens again).
import type { ReadDb, WriteDb } from '../../db/open';
import type { User } from '../../preload/contract';
import { appendAudit } from '../audit/append';
import { normalise, normaliseQuery } from '../../db/normalize';
import { err } from '../common/errors';

export interface HistoryQuery {
  meterNumber?: string; receiptNo?: number; customer?: string; from?: string; to?: string;
  status?: 'paid' | 'issued' | 'pending' | 'unknown' | 'failed'; shiftId?: number; limit: number; offset: number;
}

interface Row {
  id: string; receipt_no: number; meter_number: string; customer_name: string | null; product: 'sts_kwh' | 'acrel_credit' | 'settlement';
  status: NonNullable<HistoryQuery['status']>; payment_method: 'cash' | 'card' | 'transfer'; charged_minor: number; energy_tenths: number | null;
  value_minor: number; token: string | null; cashier: string; shift_id: number | null; created_at: string; print_status: 'none' | 'queued' | 'printed' | 'failed'; copies: number;
}

const like = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const iso = (t: string) => new Date(t).toISOString();
export const compactMeter = (s: string) => normalise(s).replace(/[\s-]/g, '');

export function searchSales(db: ReadDb, q: HistoryQuery) {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.meterNumber) { where.push(`s.meter_number LIKE ? ESCAPE '\\'`); args.push(`${like(compactMeter(q.meterNumber))}%`); }
  if (q.receiptNo !== undefined) { where.push('s.receipt_no = ?'); args.push(q.receiptNo); }
  if (q.customer) { where.push(`c.search_norm LIKE ? ESCAPE '\\'`); args.push(`%${like(normaliseQuery(q.customer))}%`); }
  if (q.from) { where.push('s.created_at >= ?'); args.push(iso(q.from)); }
  if (q.to) { where.push('s.created_at < ?'); args.push(iso(q.to)); }
  if (q.status) { where.push('s.status = ?'); args.push(q.status); }
  if (q.shiftId !== undefined) { where.push('s.shift_id = ?'); args.push(q.shiftId); }
  const from = `FROM sales s JOIN users u ON u.id = s.user_id LEFT JOIN meters m ON m.id = s.meter_id LEFT JOIN customers c ON c.id = m.customer_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const rows = db.prepare(`SELECT s.id, s.receipt_no, s.meter_number, json_extract(s.quote_json, '$.customerName') AS customer_name, s.product, s.status,
      s.payment_method, s.charged_minor, s.energy_tenths, s.value_minor, s.token, u.display_name AS cashier, s.shift_id, s.created_at, s.print_status,
      (SELECT COUNT(*) FROM print_jobs p WHERE p.sale_id = s.id AND p.copy = 1) AS copies
    ${from} ORDER BY s.receipt_no DESC LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as Row[];
  const total = (db.prepare(`SELECT COUNT(*) AS n ${from}`).get(...args) as { n: number }).n;
  return {
    items: rows.map((r) => ({
      id: r.id, receiptNo: r.receipt_no, meterNumber: r.meter_number, customerName: r.customer_name, product: r.product, status: r.status,
      paymentMethod: r.payment_method, chargedMinor: r.charged_minor, energyTenths: r.energy_tenths, valueMinor: r.value_minor, token: r.token,
      cashier: r.cashier, shiftId: r.shift_id, createdAt: r.created_at, printStatus: r.print_status, copies: r.copies,
    })),
    total, limit: q.limit, offset: q.offset,
  };
}

export function lastTokens(db: WriteDb, user: User, meterNumber: string, at: string) {
  const number = compactMeter(meterNumber);
  if (!db.prepare('SELECT 1 FROM meters WHERE number = ?').get(number)) {
    throw err('METER_NOT_FOUND', `No meter ${number} is registered at this counter.`, `العداد ${number} غير مسجل في هذا المركز.`);
  }
  const tokens = (db.prepare(`SELECT id AS saleId, receipt_no AS receiptNo, token, energy_tenths AS energyTenths, charged_minor AS chargedMinor,
      token_source AS tokenSource, created_at AS createdAt
    FROM sales WHERE meter_number = ? AND status = 'issued' AND token IS NOT NULL ORDER BY created_at DESC, receipt_no DESC LIMIT 3`).all(number)) as
    { saleId: string; receiptNo: number; token: string; energyTenths: number | null; chargedMinor: number; tokenSource: 'vendor' | 'local' | null; createdAt: string }[];
  appendAudit(db, { at, userId: user.id, action: 'history.last_tokens', entity: 'meter', entityId: number, details: { receipts: tokens.map((t) => t.receiptNo) } });
  return { meterNumber: number, tokens };
}
