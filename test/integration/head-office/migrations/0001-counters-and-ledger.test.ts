// Migration 0001 (the first: there is no earlier data to keep): the counters and the ledger, and
// the rules the database itself holds them to — one row per sale id, whole minor units that may
// exceed 32 bits, statuses and products the counters know, a counter's API key unique.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { currentVersion, loadMigrations, migrate } from '../../../../head-office/db/migrate';
import { usePostgres } from '../../../helpers/postgres';

const postgres = usePostgres();
const pools: pg.Pool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
});

async function at0001(): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: await postgres.freshDatabase(), max: 2 });
  pools.push(pool);
  expect(await migrate(pool, loadMigrations(), 1)).toEqual([1]);
  expect(await currentVersion(pool)).toBe(1);
  return pool;
}

const SALE_ID = '5b0c7c2e-1d3a-4f7e-9a51-0c2d3e4f5a6b';
const insertSale = (pool: pg.Pool, over: Record<string, unknown> = {}) => {
  const row: Record<string, unknown> = {
    sale_id: SALE_ID, counter_id: 1, receipt_no: 1, status: 'issued', product: 'sts_kwh', payment_method: 'cash', cashier: 'omar',
    meter_number: '04000001018', currency: 'YER', charged_minor: 10_000, amount_minor: 10_000, value_minor: 10_000, energy_tenths: 80,
    sold_at: '2026-03-01T10:00:00Z', created_at: '2026-03-01T10:00:00Z', updated_at: '2026-03-01T10:00:00Z', record: '{"id":"x"}',
    first_received_at: '2026-03-01T10:01:00Z', last_received_at: '2026-03-01T10:01:00Z', ...over,
  };
  const cols = Object.keys(row);
  return pool.query(`INSERT INTO sales (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
};

describe('0001_counters_and_ledger', () => {
  it('creates the counters and the ledger with their rules', async () => {
    const pool = await at0001();
    await pool.query(`INSERT INTO counters (name, api_key, secret_sealed) VALUES ('Counter 1', 'ctr-00000001', 'sealed')`);
    await expect(pool.query(`INSERT INTO counters (name, api_key, secret_sealed) VALUES ('Counter 2', 'ctr-00000001', 'sealed')`)).rejects.toThrow(/duplicate key/);
    await expect(pool.query(`INSERT INTO counters (name, api_key, secret_sealed) VALUES ('Counter 3', 'short', 'sealed')`)).rejects.toThrow(/check constraint/);

    // Money beyond 2^31 minor units is whole and exact.
    await insertSale(pool, { charged_minor: '90000000000', amount_minor: '90000000000', value_minor: '90000000000' });
    const r = await pool.query('SELECT charged_minor, delivery_count, record FROM sales');
    expect(r.rows).toEqual([{ charged_minor: '90000000000', delivery_count: 1, record: { id: 'x' } }]);

    await expect(insertSale(pool)).rejects.toThrow(/duplicate key value violates unique constraint "sales_pkey"/);
    const other = { sale_id: '6b0c7c2e-1d3a-4f7e-9a51-0c2d3e4f5a6b' };
    await expect(insertSale(pool, { ...other, charged_minor: -1 })).rejects.toThrow(/check constraint/);
    await expect(insertSale(pool, { ...other, status: 'refunded' })).rejects.toThrow(/check constraint/);
    await expect(insertSale(pool, { ...other, product: 'gas' })).rejects.toThrow(/check constraint/);
    await expect(insertSale(pool, { ...other, counter_id: 99 })).rejects.toThrow(/foreign key/);
    await expect(insertSale(pool, { ...other, last_received_at: '2026-03-01T09:00:00Z' })).rejects.toThrow(/check constraint/);
    await expect(insertSale(pool, { ...other, charged_minor: 1.5 })).rejects.toThrow(/invalid input syntax for type bigint/);
  });
});
