// The sales history screen's queries: a filtered page of sales with their cashier, customer and copy count, and a meter's last tokens.
import type { ReadDb } from '../open';
import { matchingCustomerIds, prefixEnd } from './customer-search';
import { stmt } from './stmt';

export interface HistoryRow {
  id: string; receipt_no: number; meter_number: string; customer_name: string | null; product: 'sts_kwh' | 'acrel_credit' | 'settlement';
  status: 'paid' | 'issued' | 'pending' | 'unknown' | 'failed'; payment_method: 'cash' | 'card' | 'transfer'; charged_minor: number; energy_tenths: number | null;
  value_minor: number; token: string | null; cashier: string; shift_id: number | null; created_at: string; print_status: 'none' | 'queued' | 'printed' | 'failed'; copies: number;
}

/** Where a page ends: the last row's time and receipt number (unique), the next page starts after it. */
export interface HistoryCursor { createdAt: string; receiptNo: number }

/** Filters already normalised by the caller: a compact meter-number prefix, a normalised customer query, ISO times. */
export interface HistoryFilter {
  meterPrefix?: string; receiptNo?: number; customer?: string; from?: string; to?: string;
  status?: HistoryRow['status']; shiftId?: number; userId?: number;
  /** The page starts after this row (newest first); absent for the first page. */
  before?: HistoryCursor;
  limit: number;
}

/** The count stops here: counting every sale of a year would walk a million index entries per page. */
export const HISTORY_COUNT_CAP = 10_000;
/**
 * A meter prefix (or a customer's meters) matching at most this many sales is answered from
 * sales_meter and its matches sorted; a broader one ("04", a common family name) walks the sales
 * newest first instead and filters, which finds a page quickly exactly because so many sales match.
 * Sorting m matches reads m rows; walking reads about page x N / m of the N sales: the two cost the
 * same at m = sqrt(page x N), so the bound grows with the counter's history (never under 2,000,
 * and below the count's cap: a capped count means more matches than were counted).
 */
function sortBound(db: ReadDb, limit: number): number {
  const sales = (stmt(db, 'SELECT COALESCE(MAX(receipt_no), 0) AS n FROM sales').get() as { n: number }).n; // receipts are sequential: the number of sales, from the index
  return Math.min(HISTORY_COUNT_CAP, Math.max(2_000, Math.sqrt((limit + 1) * sales)));
}

/**
 * A page of sales, newest first (created_at DESC, receipt_no DESC), after `before`; `next` is the
 * cursor of the page after it or null; `total` counts the matches up to HISTORY_COUNT_CAP + 1.
 */
export function historyPage(db: ReadDb, q: HistoryFilter): { rows: HistoryRow[]; next: HistoryCursor | null; total: number; totalCapped: boolean } {
  const meterRange = q.meterPrefix !== undefined ? [q.meterPrefix, prefixEnd(q.meterPrefix)] as const : undefined;
  // The matching customers, found once by the search index (or the prefix indexes for a query too
  // short for trigrams) and handed to both statements as a JSON array: every one of them, however many.
  const customer = q.customer !== undefined ? { sql: 'SELECT value FROM json_each(?)', args: [JSON.stringify(matchingCustomerIds(db, q.customer, -1))] } : undefined;
  /**
   * The WHERE clauses and their arguments. `walk`: a `+` keeps SQLite off sales_meter, so it walks
   * the sales in page order and tests each against the meter range or the (once built) set of the
   * customers' meters — right when so many sales match that a page is found within a few rows.
   */
  const conditions = (walk: boolean) => {
    const meter = walk ? '+s.meter_number' : 's.meter_number';
    const where: string[] = [];
    const args: (string | number)[] = [];
    // A range, not LIKE: SQLite's LIKE is case-insensitive and cannot search a BINARY index.
    if (meterRange) { where.push(`${meter} >= ? AND ${meter} < ?`); args.push(...meterRange); }
    if (q.receiptNo !== undefined) { where.push('s.receipt_no = ?'); args.push(q.receiptNo); }
    // The customer filter: the sales of the meters of the matching customers (customers_fts, or
    // the prefix indexes for a query too short for trigrams), through sales_meter like a prefix.
    // Walking, each sale's meter is looked up by its number and its customer tested against the set
    // the index found (cheaper than first listing every meter of a common name).
    if (customer) {
      where.push(walk ? `EXISTS (SELECT 1 FROM meters m WHERE m.number = s.meter_number AND +m.customer_id IN (${customer.sql}))`
        : `s.meter_number IN (SELECT m.number FROM meters m WHERE m.customer_id IN (${customer.sql}))`);
      args.push(...customer.args);
    }
    if (q.from !== undefined) { where.push('s.created_at >= ?'); args.push(q.from); }
    if (q.to !== undefined) { where.push('s.created_at < ?'); args.push(q.to); }
    if (q.status) { where.push('s.status = ?'); args.push(q.status); }
    if (q.shiftId !== undefined) { where.push('s.shift_id = ?'); args.push(q.shiftId); }
    if (q.userId !== undefined) { where.push('s.user_id = ?'); args.push(q.userId); }
    return { where, args };
  };

  // Only the index entries are read (each filter has an index holding its columns), at most CAP + 1 of them.
  const all = conditions(false);
  const counted = (db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM sales s ${all.where.length ? `WHERE ${all.where.join(' AND ')}` : ''} LIMIT ${HISTORY_COUNT_CAP + 1})`)
    .get(...all.args) as { n: number }).n;

  const { where: pageWhere, args: pageArgs } = conditions((meterRange !== undefined || customer !== undefined) && counted > sortBound(db, q.limit));
  if (q.before) { pageWhere.push('(s.created_at, s.receipt_no) < (?, ?)'); pageArgs.push(q.before.createdAt, q.before.receiptNo); }
  const rows = db.prepare(`SELECT s.id, s.receipt_no, s.meter_number, json_extract(s.quote_json, '$.customerName') AS customer_name, s.product, s.status,
      s.payment_method, s.charged_minor, s.energy_tenths, s.value_minor, s.token, u.display_name AS cashier, s.shift_id, s.created_at, s.print_status,
      (SELECT COUNT(*) FROM print_jobs p WHERE p.sale_id = s.id AND p.copy = 1) AS copies
    FROM sales s JOIN users u ON u.id = s.user_id
    ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
    ORDER BY s.created_at DESC, s.receipt_no DESC LIMIT ?`).all(...pageArgs, q.limit + 1) as HistoryRow[];
  const more = rows.length > q.limit;
  if (more) rows.pop();
  const last = rows.at(-1);
  return {
    rows,
    next: more && last ? { createdAt: last.created_at, receiptNo: last.receipt_no } : null,
    total: Math.min(counted, HISTORY_COUNT_CAP), totalCapped: counted > HISTORY_COUNT_CAP,
  };
}

export interface LastToken { saleId: string; receiptNo: number; token: string; energyTenths: number | null; chargedMinor: number; tokenSource: 'vendor' | 'local' | null; createdAt: string }

/** The meter's three newest issued tokens, newest first. */
export function lastIssuedTokens(db: ReadDb, meterNumber: string): LastToken[] {
  return db.prepare(`SELECT id AS saleId, receipt_no AS receiptNo, token, energy_tenths AS energyTenths, charged_minor AS chargedMinor,
      token_source AS tokenSource, created_at AS createdAt
    FROM sales WHERE meter_number = ? AND status = 'issued' AND token IS NOT NULL ORDER BY created_at DESC, receipt_no DESC LIMIT 3`).all(meterNumber) as LastToken[];
}
