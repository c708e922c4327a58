// The ledger: every SQL statement about the sales the counters deliver.
//
// A batch is stored by ONE statement, a multi-row INSERT ... ON CONFLICT (sale_id) DO UPDATE: the
// primary key decides, inside PostgreSQL, whether a delivery is the sale's first or a repeat, so
// two counters' (or one counter's retried) concurrent deliveries of one sale can only ever make one
// row. A repeat adds to delivery_count; its record replaces the stored one only if it is not older
// (updatedAt), column by column in the same statement. A sale id already held by ANOTHER counter is
// left untouched and not returned, so the caller can refuse it.
import type pg from 'pg';
import type { Sale } from '../../preload/contract';

type Queryable = Pick<pg.Pool, 'query'>;

/** One distinct sale of a batch: its newest version and how many times the batch carried it. */
export interface BatchSale {
  sale: Sale;
  deliveries: number;
}

// Columns taken from the record, with the array type they travel in (one array per column).
const RECORD_COLUMNS: [column: string, type: string, value: (s: Sale) => unknown][] = [
  ['receipt_no', 'integer', (s) => s.receiptNo],
  ['status', 'text', (s) => s.status],
  ['product', 'text', (s) => s.product],
  ['payment_method', 'text', (s) => s.paymentMethod],
  ['cashier', 'text', (s) => s.cashier],
  ['meter_number', 'text', (s) => s.meterNumber],
  ['currency', 'text', (s) => s.currency],
  ['charged_minor', 'bigint', (s) => s.chargedMinor],
  ['amount_minor', 'bigint', (s) => s.amountMinor],
  ['value_minor', 'bigint', (s) => s.valueMinor],
  ['energy_tenths', 'bigint', (s) => s.energyTenths],
  ['sold_at', 'timestamptz', (s) => s.at],
  ['created_at', 'timestamptz', (s) => s.createdAt],
  ['updated_at', 'timestamptz', (s) => s.updatedAt],
  ['record', 'jsonb', (s) => JSON.stringify(s)],
];

const names = RECORD_COLUMNS.map(([c]) => c);
// $1 is the counter; $2 the sale ids; then one array per record column; last the delivery counts.
const UPSERT = `
INSERT INTO sales AS s (sale_id, counter_id, ${names.join(', ')}, delivery_count, first_received_at, last_received_at)
SELECT u.sale_id, $1, ${names.map((c) => `u.${c}`).join(', ')}, u.deliveries, now(), now()
FROM unnest($2::uuid[], ${RECORD_COLUMNS.map(([, t], i) => `$${i + 3}::${t}[]`).join(', ')}, $${RECORD_COLUMNS.length + 3}::integer[])
  AS u(sale_id, ${names.join(', ')}, deliveries)
ORDER BY u.sale_id
ON CONFLICT (sale_id) DO UPDATE SET
  delivery_count = s.delivery_count + EXCLUDED.delivery_count,
  -- now() is when each delivery's transaction began: two concurrent deliveries may commit in
  -- the other order, so the times are merged, never overwritten.
  first_received_at = LEAST(s.first_received_at, EXCLUDED.first_received_at),
  last_received_at = GREATEST(s.last_received_at, EXCLUDED.last_received_at),
  ${names.map((c) => `${c} = CASE WHEN EXCLUDED.updated_at >= s.updated_at THEN EXCLUDED.${c} ELSE s.${c} END`).join(',\n  ')}
WHERE s.counter_id = EXCLUDED.counter_id
RETURNING sale_id`;

/**
 * Upserts the distinct sales of one batch for one counter; returns the ids stored (inserted or
 * counted as a repeat). An id missing from the answer belongs to another counter. Rows are
 * inserted in sale-id order, so two batches sharing sales lock them in the same order and
 * cannot deadlock each other.
 */
export async function upsertSales(db: Queryable, counterId: number, batch: readonly BatchSale[]): Promise<Set<string>> {
  if (batch.length === 0) return new Set();
  const params: unknown[] = [counterId, batch.map((b) => b.sale.id)];
  for (const [, , value] of RECORD_COLUMNS) params.push(batch.map((b) => value(b.sale)));
  params.push(batch.map((b) => b.deliveries));
  const r = await db.query<{ sale_id: string }>({ name: 'sales_upsert', text: UPSERT, values: params });
  return new Set(r.rows.map((x) => x.sale_id));
}

export interface StoredSale {
  sale: Sale;
  receivedCount: number;
  firstReceivedAt: string;
  lastReceivedAt: string;
}

/** One counter's sales in sale-id order, after `after` (keyset paging). */
export async function listSales(db: Queryable, counterId: number, page: { after: string | null; limit: number }): Promise<StoredSale[]> {
  const r = await db.query<{ record: Sale; delivery_count: number; first_received_at: Date; last_received_at: Date }>(
    `SELECT record, delivery_count, first_received_at, last_received_at FROM sales
      WHERE counter_id = $1 AND ($2::uuid IS NULL OR sale_id > $2::uuid) ORDER BY sale_id LIMIT $3`,
    [counterId, page.after, page.limit],
  );
  return r.rows.map((x) => ({
    sale: x.record,
    receivedCount: x.delivery_count,
    firstReceivedAt: x.first_received_at.toISOString(),
    lastReceivedAt: x.last_received_at.toISOString(),
  }));
}
