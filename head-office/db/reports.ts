// The reports across counters: every SQL statement they run. Days are cut in the utility's time
// zone by PostgreSQL itself (`AT TIME ZONE`), so a day across a DST change is 23 or 25 hours long,
// never a fixed 24. Every report is read through a cursor inside one read-only REPEATABLE READ
// transaction: a large export is fetched a page at a time (never held whole in memory) and still
// sees one consistent ledger from its first row to its last.
import type pg from 'pg';

/** How many rows one FETCH brings back. */
const PAGE = 1_000;

/** Statuses in the money taken but not known to be delivered (reported apart from what was sold). */
export const OPEN_STATUSES = ['paid', 'pending', 'unknown'] as const;

let cursorNo = 0;

/**
 * The rows of one query, a page at a time, from one snapshot. Stopping early (the consumer's
 * `return`, or a client hanging up on a stream) ends the transaction and hands the connection back.
 */
export async function* streamRows<R extends pg.QueryResultRow>(pool: pg.Pool, text: string, values: unknown[]): AsyncGenerator<R> {
  const client = await pool.connect();
  const cursor = `report_${++cursorNo}`;
  let finished = false;
  let broken = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${text}`, values);
    for (;;) {
      const page = await client.query<R>(`FETCH ${PAGE} FROM ${cursor}`);
      for (const row of page.rows) yield row;
      if (page.rows.length < PAGE) break;
    }
    await client.query('COMMIT');
    finished = true;
  } finally {
    // Left early or failed: the transaction is rolled back; a connection that cannot even do
    // that is dropped, not handed back to the pool.
    if (!finished) await client.query('ROLLBACK').catch(() => { broken = true; });
    client.release(broken);
  }
}

/** True when PostgreSQL knows this time zone name (its tz database may differ from the runtime's). */
export async function timeZoneKnown(db: Pick<pg.Pool, 'query'>, tz: string): Promise<boolean> {
  const r = await db.query<{ known: boolean }>('SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1) AS known', [tz]);
  return r.rows[0]?.known === true;
}

// The local day [from, to] as instants: local midnight of `from` up to local midnight after `to`,
// each converted by PostgreSQL in the zone (DST-safe). $1 zone, $2 first day, $3 last day.
const IN_DAYS = (column: string) => `${column} >= ($2::date::timestamp AT TIME ZONE $1) AND ${column} < (($3::date + 1)::timestamp AT TIME ZONE $1)`;

export type GroupBy = 'counter' | 'cashier' | 'product' | 'period';

export interface RangeFilter {
  timeZone: string;
  /** YYYY-MM-DD, both included, in timeZone. */
  from: string;
  to: string;
  /** Only these counters (ids); null: all. */
  counterIds: number[] | null;
  /** Only these products; null: all. */
  products: string[] | null;
}

/**
 * The tariff period of a sale, from its quote: the schedule and the period it was priced in.
 * A quote names exactly one period (the one in force at the moment of sale; the counter re-prices
 * at that moment), so a sale is never split across periods. Account payments (settlements) buy no
 * energy and so have no period; a sale priced by the vending server (XMLVend, `quote.server`) was
 * priced by the server's tariff, not the counter's period, and is grouped under that tariff.
 */
const PERIOD_KEY = `CASE
    WHEN s.product = 'settlement' OR NOT (s.record ? 'tariff') THEN 'none'
    WHEN s.record ? 'server' THEN 'server:' || COALESCE(s.record->'server'->>'tariffName', '')
    ELSE concat_ws(':', s.record->'tariff'->>'scheduleId', (s.record->'tariff'->>'periodStart') || '-' || (s.record->'tariff'->>'periodEnd'), s.record->'tariff'->'periodName'->>'en')
  END`;
const periodLabel = (lang: 'ar' | 'en') => `CASE
    WHEN s.product = 'settlement' OR NOT (s.record ? 'tariff') THEN NULL
    WHEN s.record ? 'server' THEN s.record->'server'->>'tariffName'
    ELSE concat(s.record->'tariff'->'scheduleName'->>'${lang}', ' — ', s.record->'tariff'->'periodName'->>'${lang}', ' ',
      s.record->'tariff'->>'periodStart', '–', s.record->'tariff'->>'periodEnd')
  END`;

// Per grouping: the key, and the words for it in each language (null: the caller names it).
const GROUPS: Record<GroupBy, { key: string; ar: string; en: string }> = {
  counter: { key: 's.counter_id::text', ar: 'c.name', en: 'c.name' },
  // A cashier's name is unique only at one counter (each counter has its own users): a cashier
  // is a cashier at a counter.
  cashier: { key: `s.counter_id::text || ':' || s.cashier`, ar: `s.cashier || ' — ' || c.name`, en: `s.cashier || ' — ' || c.name` },
  product: { key: 's.product', ar: 'NULL::text', en: 'NULL::text' },
  period: { key: PERIOD_KEY, ar: periodLabel('ar'), en: periodLabel('en') },
};

export interface SalesByDayRaw {
  day: string; key: string; label_ar: string | null; label_en: string | null; currency: string; currency_decimals: number | null;
  sold_count: string; sold_charged: string; sold_value: string; sold_energy: string;
  open_count: string; open_charged: string; open_value: string; open_energy: string;
  refunded_count: string; refunded_charged: string;
}

/**
 * Sales per local day and group and money, one row each, in day, key, currency, decimals order.
 * Money is the currency AND the decimals the selling counter counts it in (counters.currency_decimals,
 * as it last said): two counters' YER, one in 0 decimals and one in 2, are 100 times apart and never
 * added together; a counter that never said its decimals is a group of its own (decimals NULL).
 * Issued sales are sold; paid, pending and unknown ones (money taken, delivery not confirmed) are
 * counted apart as open; failed ones were refused and their money handed back: counted apart, in
 * no total.
 */
export function salesByDay(pool: pg.Pool, f: RangeFilter, by: GroupBy): AsyncGenerator<SalesByDayRaw> {
  return streamRows<SalesByDayRaw>(pool, salesByDaySql(by), [f.timeZone, f.from, f.to, f.counterIds, f.products]);
}

/** The statement: $1 zone, $2 first day, $3 last day, $4 counter ids or null, $5 products or null. */
export function salesByDaySql(by: GroupBy): string {
  const g = GROUPS[by];
  const sum = (col: string, cond: string) => `COALESCE(SUM(${col}) FILTER (WHERE ${cond}), 0)::text`;
  const SOLD = `x.status = 'issued'`;
  const OPEN = `x.status IN ('paid', 'pending', 'unknown')`;
  const FAILED = `x.status = 'failed'`;
  return `
    SELECT x.day::text AS day, x.key, MIN(x.label_ar) AS label_ar, MIN(x.label_en) AS label_en, x.currency, x.decimals::int AS currency_decimals,
      COUNT(*) FILTER (WHERE ${SOLD})::text AS sold_count, ${sum('x.charged_minor', SOLD)} AS sold_charged,
      ${sum('x.value_minor', SOLD)} AS sold_value, ${sum('x.energy_tenths', SOLD)} AS sold_energy,
      COUNT(*) FILTER (WHERE ${OPEN})::text AS open_count, ${sum('x.charged_minor', OPEN)} AS open_charged,
      ${sum('x.value_minor', OPEN)} AS open_value, ${sum('x.energy_tenths', OPEN)} AS open_energy,
      COUNT(*) FILTER (WHERE ${FAILED})::text AS refunded_count, ${sum('x.charged_minor', FAILED)} AS refunded_charged
    FROM (
      SELECT (s.sold_at AT TIME ZONE $1)::date AS day, ${g.key} AS key, ${g.ar} AS label_ar, ${g.en} AS label_en,
        s.currency, c.currency_decimals AS decimals, s.status, s.charged_minor, s.value_minor, s.energy_tenths
      FROM sales s JOIN counters c ON c.id = s.counter_id
      WHERE ${IN_DAYS('s.sold_at')}
        AND ($4::bigint[] IS NULL OR s.counter_id = ANY ($4::bigint[]))
        AND ($5::text[] IS NULL OR s.product = ANY ($5::text[]))
    ) x
    GROUP BY x.day, x.key, x.currency, x.decimals
    -- Byte order: the same order whatever the database's locale.
    ORDER BY x.day, x.key COLLATE "C", x.currency COLLATE "C", x.decimals NULLS LAST`;
}

/** A listed sale id as a uuid (null if it is not one, so a malformed report cannot fail the query). */
const UUID_OF = (text: string) => `(CASE WHEN ${text} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN (${text})::uuid END)`;

export interface ZAgainstSalesRaw {
  counter_id: string; counter_name: string; z_no: number; cashier: string; opened_at: Date; closed_at: Date; currency: string;
  float_minor: string; expected_cash_minor: string; counted_cash_minor: string; variance_minor: string;
  z_sales_count: number; z_charged_minor: string; z_cash_sales_minor: string; z_currency_decimals: number | null;
  ledger_count: string; ledger_charged: string; ledger_cash: string;
  refunded_since_close_count: string; refunded_since_close_charged: string;
  other_currency_count: string;
  missing_receipts: number[];
}

/**
 * Each Z report closed in the range, with the ledger's sales behind its shift. A sale record does
 * not name its shift, so a sale is tied to a shift as the counter tied it: a sale of that counter
 * by the shift's cashier (the same display name) made (createdAt, the commit the counter attached
 * it to the shift in) between the shift's opening and its close; plus any sale the Z report lists
 * by id (its open and refused sales), wherever its time or name. The Z report counted a sale unless
 * it was refused at close, so a ledger sale counts as the Z report counted it: listed open at
 * close, or now not failed and not listed as refused. Sales the Z lists that the ledger has not
 * received are named by receipt number.
 */
export function zReportsAgainstSales(pool: pg.Pool, f: Pick<RangeFilter, 'timeZone' | 'from' | 'to' | 'counterIds'>): AsyncGenerator<ZAgainstSalesRaw> {
  return streamRows<ZAgainstSalesRaw>(pool, Z_AGAINST_SALES_SQL, [f.timeZone, f.from, f.to, f.counterIds]);
}

/** $1 zone, $2 first day, $3 last day (of the close), $4 counter ids or null. */
export const Z_AGAINST_SALES_SQL = `
    SELECT z.counter_id::text, c.name AS counter_name, z.z_no, z.cashier, r.opened_at, z.closed_at, z.currency,
      r.float_minor::text, z.expected_cash_minor::text, z.counted_cash_minor::text, z.variance_minor::text,
      z.sales_count AS z_sales_count, z.charged_minor::text AS z_charged_minor, r.cash_sales_minor::text AS z_cash_sales_minor,
      (r.j->>'currencyDecimals')::int AS z_currency_decimals,
      l.ledger_count::text, l.ledger_charged::text, l.ledger_cash::text,
      l.refunded_since_close_count::text, l.refunded_since_close_charged::text, l.other_currency_count::text,
      ARRAY(
        SELECT (e->>'receiptNo')::int FROM jsonb_array_elements((r.j->'totals'->'open') || (r.j->'totals'->'failed')) e
        WHERE NOT EXISTS (SELECT 1 FROM sales m WHERE m.sale_id = ${UUID_OF("e->>'saleId'")} AND m.counter_id = z.counter_id)
        ORDER BY 1
      ) AS missing_receipts
    FROM z_reports z
    JOIN counters c ON c.id = z.counter_id
    CROSS JOIN LATERAL (
      SELECT j, (j->'shift'->>'openedAt')::timestamptz AS opened_at, (j->'shift'->>'floatMinor')::bigint AS float_minor,
        (j->'totals'->'cash'->>'salesMinor')::bigint AS cash_sales_minor,
        array_remove(ARRAY(SELECT ${UUID_OF("e->>'saleId'")} FROM jsonb_array_elements(j->'totals'->'open') e), NULL) AS open_ids,
        array_remove(ARRAY(SELECT ${UUID_OF("e->>'saleId'")} FROM jsonb_array_elements(j->'totals'->'failed') e), NULL) AS failed_ids
      FROM (SELECT z.report_json::jsonb AS j) jj
    ) r
    CROSS JOIN LATERAL (
      SELECT COUNT(*) FILTER (WHERE t.counted AND t.same_currency) AS ledger_count,
        COALESCE(SUM(t.charged_minor) FILTER (WHERE t.counted AND t.same_currency), 0) AS ledger_charged,
        COALESCE(SUM(t.charged_minor) FILTER (WHERE t.counted AND t.same_currency AND t.payment_method = 'cash'), 0) AS ledger_cash,
        COUNT(*) FILTER (WHERE t.listed_open AND t.status = 'failed') AS refunded_since_close_count,
        COALESCE(SUM(t.charged_minor) FILTER (WHERE t.listed_open AND t.status = 'failed'), 0) AS refunded_since_close_charged,
        COUNT(*) FILTER (WHERE NOT t.same_currency) AS other_currency_count
      FROM (
        SELECT s.status, s.charged_minor, s.payment_method, s.currency = z.currency AS same_currency,
          s.sale_id = ANY (r.open_ids) AS listed_open,
          s.sale_id = ANY (r.open_ids) OR (s.status <> 'failed' AND s.sale_id <> ALL (r.failed_ids)) AS counted
        FROM sales s
        -- Two ways in, each with its index: the shift's window (sales_shift) and the listed ids (the primary key).
        WHERE (s.counter_id = z.counter_id AND s.cashier = z.cashier AND s.created_at >= r.opened_at AND s.created_at <= z.closed_at)
           OR (s.counter_id = z.counter_id AND s.sale_id = ANY (r.open_ids || r.failed_ids))
      ) t
    ) l
    WHERE ${IN_DAYS('z.closed_at')}
      AND ($4::bigint[] IS NULL OR z.counter_id = ANY ($4::bigint[]))
    ORDER BY z.closed_at, z.counter_id, z.z_no`;

export interface OutstandingRaw {
  sale_id: string; counter_id: string; counter_name: string; receipt_no: number; status: string; product: string;
  cashier: string; meter_number: string; currency: string; charged_minor: string; sold_at: Date; updated_at: Date;
  last_received_at: Date; age_seconds: string; error_code: string | null;
}

/** Every sale the ledger holds as paid, pending or unknown, oldest first, with its age at `now`. */
export function outstandingSales(pool: pg.Pool, f: { counterIds: number[] | null; now: Date }): AsyncGenerator<OutstandingRaw> {
  return streamRows<OutstandingRaw>(pool, OUTSTANDING_SQL, [f.now.toISOString(), f.counterIds]);
}

/** $1 now, $2 counter ids or null. */
export const OUTSTANDING_SQL = `
    SELECT s.sale_id::text, s.counter_id::text, c.name AS counter_name, s.receipt_no, s.status, s.product, s.cashier, s.meter_number,
      s.currency, s.charged_minor::text, s.sold_at, s.updated_at, s.last_received_at,
      GREATEST(0, floor(extract(epoch FROM ($1::timestamptz - s.sold_at))))::bigint::text AS age_seconds,
      s.record->>'errorCode' AS error_code
    FROM sales s JOIN counters c ON c.id = s.counter_id
    WHERE s.status IN ('paid', 'pending', 'unknown')
      AND ($2::bigint[] IS NULL OR s.counter_id = ANY ($2::bigint[]))
    ORDER BY s.sold_at, s.sale_id`;

export interface CounterOutstandingRaw {
  counter_id: string; name: string; revoked_at: Date | null; last_seen_at: Date | null; pending_sales: number | null; unknown_sales: number | null;
  counts_reported_at: Date | null; ledger_open: string; ledger_oldest_at: Date | null;
}

/** Each counter: what it last said it holds (pending, unknown), when it was last heard from, and the ledger's open sales of it. */
export function counterOutstanding(pool: pg.Pool, f: { counterIds: number[] | null }): AsyncGenerator<CounterOutstandingRaw> {
  const text = `
    SELECT c.id::text AS counter_id, c.name, c.revoked_at, c.last_seen_at, c.pending_sales, c.unknown_sales, c.counts_reported_at,
      COALESCE(o.n, 0)::text AS ledger_open, o.oldest AS ledger_oldest_at
    FROM counters c
    LEFT JOIN LATERAL (
      SELECT COUNT(*) AS n, MIN(s.sold_at) AS oldest FROM sales s
      WHERE s.counter_id = c.id AND s.status IN ('paid', 'pending', 'unknown')
    ) o ON true
    WHERE ($1::bigint[] IS NULL OR c.id = ANY ($1::bigint[]))
    ORDER BY c.id`;
  return streamRows<CounterOutstandingRaw>(pool, text, [f.counterIds]);
}
