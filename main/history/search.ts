// Sales history: search by meter, receipt number, customer (Arabic-normalised name or phone),
// cashier, shift or date range, newest first, a page at a time after a cursor (keyset paging: no
// OFFSET walk over millions of sales); and the last three tokens of a meter for a customer who
// lost theirs (audited: it shows tokens again).
import type { ReadDb, WriteDb } from '../../db/open';
import type { HistoryCursor, User } from '../../preload/contract';
import { historyPage, lastIssuedTokens } from '../../db/repos/history';
import { meterNumberExists } from '../../db/repos/meters';
import { appendAudit } from '../audit/append';
import { compactMeter, normaliseQuery } from '../../db/normalize';
import { err } from '../common/errors';

export interface HistoryQuery {
  meterNumber?: string; receiptNo?: number; customer?: string; from?: string; to?: string;
  status?: 'paid' | 'issued' | 'pending' | 'unknown' | 'failed'; shiftId?: number; cashierId?: number;
  before?: HistoryCursor; limit: number;
}

const iso = (t: string) => new Date(t).toISOString();

export function searchSales(db: ReadDb, q: HistoryQuery) {
  const { rows, next, total, totalCapped } = historyPage(db, {
    meterPrefix: q.meterNumber ? compactMeter(q.meterNumber) : undefined,
    receiptNo: q.receiptNo,
    customer: q.customer ? normaliseQuery(q.customer) : undefined,
    from: q.from ? iso(q.from) : undefined,
    to: q.to ? iso(q.to) : undefined,
    status: q.status, shiftId: q.shiftId, userId: q.cashierId, before: q.before, limit: q.limit,
  });
  return {
    items: rows.map((r) => ({
      id: r.id, receiptNo: r.receipt_no, meterNumber: r.meter_number, customerName: r.customer_name, product: r.product, status: r.status,
      paymentMethod: r.payment_method, chargedMinor: r.charged_minor, energyTenths: r.energy_tenths, valueMinor: r.value_minor, token: r.token,
      cashier: r.cashier, shiftId: r.shift_id, createdAt: r.created_at, printStatus: r.print_status, copies: r.copies,
    })),
    next, total, totalCapped,
  };
}

export function lastTokens(db: WriteDb, user: User, meterNumber: string, at: string) {
  const number = compactMeter(meterNumber);
  if (!meterNumberExists(db, number)) {
    throw err('METER_NOT_FOUND', `No meter ${number} is registered at this counter.`, `العداد ${number} غير مسجل في هذا المركز.`);
  }
  const tokens = lastIssuedTokens(db, number);
  appendAudit(db, { at, userId: user.id, action: 'history.last_tokens', entity: 'meter', entityId: number, details: { receipts: tokens.map((t) => t.receiptNo) } });
  return { meterNumber: number, tokens };
}
