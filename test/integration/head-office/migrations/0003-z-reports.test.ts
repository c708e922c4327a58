// Migration 0003 adds the Z reports: one per counter and Z number, its cash figures whole minor
// units whose variance is counted minus expected, and the counters' ledger of sales untouched.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { currentVersion, loadMigrations, migrate } from '../../../../head-office/db/migrate';
import { usePostgres } from '../../../helpers/postgres';

const postgres = usePostgres();
const pools: pg.Pool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
});

const HASH = 'a'.repeat(64);
const insertZ = (pool: pg.Pool, over: Record<string, unknown> = {}) => {
  const row: Record<string, unknown> = {
    counter_id: 1, z_no: 1, hash: HASH, report_json: '{"zNo":1}', closed_at: '2026-03-01T18:00:00Z', cashier: 'omar', currency: 'YER',
    expected_cash_minor: 10_000, counted_cash_minor: 9_950, variance_minor: -50, sales_count: 3, charged_minor: 10_000,
    first_received_at: '2026-03-01T18:01:00Z', last_received_at: '2026-03-01T18:01:00Z', ...over,
  };
  const cols = Object.keys(row);
  return pool.query(`INSERT INTO z_reports (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
};

describe('0003_z_reports', () => {
  it('keeps the counters and their sales, and holds Z reports to their rules', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.freshDatabase(), max: 2 });
    pools.push(pool);
    await migrate(pool, loadMigrations(), 2);
    await pool.query(`INSERT INTO counters (name, api_key, secret_sealed) VALUES ('Counter 1', 'ctr-00000001', 'sealed')`);
    const before = (await pool.query('SELECT id, name, api_key FROM counters')).rows;
    expect(await migrate(pool, loadMigrations(), 3)).toEqual([3]);
    expect(await currentVersion(pool)).toBe(3);
    expect((await pool.query('SELECT id, name, api_key FROM counters')).rows).toEqual(before);

    await insertZ(pool);
    await expect(insertZ(pool)).rejects.toThrow(/duplicate key value violates unique constraint "z_reports_pkey"/);
    await expect(insertZ(pool, { z_no: 2, variance_minor: 0 })).rejects.toThrow(/check constraint/);
    await expect(insertZ(pool, { z_no: 3, hash: 'not-a-hash' })).rejects.toThrow(/check constraint/);
    await expect(insertZ(pool, { z_no: 4, counter_id: 99 })).rejects.toThrow(/foreign key/);
    await expect(insertZ(pool, { z_no: 5, counted_cash_minor: -1, variance_minor: -10_001 })).rejects.toThrow(/check constraint/);
  });
});
