// The baseline the service's ingest is measured against: the same batches written straight into a
// bare table of the ledger's shape (same columns, checks, keys and index, made with LIKE sales),
// one multi-row INSERT ... ON CONFLICT (sale_id) DO UPDATE per batch, by as many loops at once as
// there are counters over a pool as large as the service's. No HTTP, no validation, no signature,
// no newest-version rule: the least a database write of these batches can cost.
import type pg from 'pg';
import type { Sale } from '../../../preload/contract';
import type { CounterPlan } from './plan';

const COLUMNS: [string, (s: Sale) => unknown][] = [
  ['sale_id', (s) => s.id],
  ['receipt_no', (s) => s.receiptNo],
  ['status', (s) => s.status],
  ['product', (s) => s.product],
  ['payment_method', (s) => s.paymentMethod],
  ['cashier', (s) => s.cashier],
  ['meter_number', (s) => s.meterNumber],
  ['currency', (s) => s.currency],
  ['charged_minor', (s) => s.chargedMinor],
  ['amount_minor', (s) => s.amountMinor],
  ['value_minor', (s) => s.valueMinor],
  ['energy_tenths', (s) => s.energyTenths],
  ['sold_at', (s) => s.at],
  ['created_at', (s) => s.createdAt],
  ['updated_at', (s) => s.updatedAt],
  ['record', (s) => JSON.stringify(s)],
];
const UPDATED = COLUMNS.slice(1).map(([c]) => `${c} = EXCLUDED.${c}`).join(', ');

/** The statement for a batch of `rows` sales; $1 is the counter. */
function statement(rows: number): string {
  const values: string[] = [];
  let p = 2;
  for (let r = 0; r < rows; r++) {
    values.push(`(${COLUMNS.map(() => `$${p++}`).join(', ')}, $1, 1, now(), now())`);
  }
  return `INSERT INTO bare_sales AS b (${COLUMNS.map(([c]) => c).join(', ')}, counter_id, delivery_count, first_received_at, last_received_at)
VALUES ${values.join(',\n')}
ON CONFLICT (sale_id) DO UPDATE SET ${UPDATED}, delivery_count = b.delivery_count + 1, last_received_at = now()`;
}

export async function createBareTable(pool: pg.Pool): Promise<void> {
  await pool.query('DROP TABLE IF EXISTS bare_sales');
  await pool.query('CREATE TABLE bare_sales (LIKE sales INCLUDING ALL)');
  await pool.query('ALTER TABLE bare_sales ADD FOREIGN KEY (counter_id) REFERENCES counters (id)');
}

/** Runs every counter's batches into bare_sales, all counters at once; the time it took (ms). */
export async function bareUpsertLoop(pool: pg.Pool, counterIds: readonly number[], plans: readonly CounterPlan[]): Promise<number> {
  const texts = new Map<number, string>();
  const t0 = performance.now();
  await Promise.all(counterIds.map(async (counterId, i) => {
    for (const batch of plans[i]!.batches) {
      const params: unknown[] = [counterId];
      for (const s of batch) for (const [, value] of COLUMNS) params.push(value(s));
      let text = texts.get(batch.length);
      if (!text) texts.set(batch.length, (text = statement(batch.length)));
      await pool.query(text, params);
    }
  }));
  return performance.now() - t0;
}
