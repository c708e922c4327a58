// Migration 0002 on a database holding 0001's data: the counters already registered (and their
// sales) stay as they were, with the new columns empty; enrolment codes keep their rules — one row
// per code hash, a code used before it names its counter, an expiry after its creation.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { currentVersion, loadMigrations, migrate } from '../../../../head-office/db/migrate';
import { usePostgres } from '../../../helpers/postgres';

const postgres = usePostgres();
const pools: pg.Pool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
});

const hash = (b: number) => Buffer.alloc(32, b);

describe('0002_enrolment', () => {
  it('keeps 0001\'s counters and adds enrolment codes with their rules', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.freshDatabase(), max: 2 });
    pools.push(pool);
    expect(await migrate(pool, loadMigrations(), 1)).toEqual([1]);
    await pool.query(`INSERT INTO counters (name, api_key, secret_sealed, last_seen_at, app_version) VALUES ('Counter 1', 'ctr-00000001', 'sealed', '2026-03-01T10:00:00Z', '0.1.0')`);

    expect(await migrate(pool, loadMigrations(), 2)).toEqual([2]);
    expect(await currentVersion(pool)).toBe(2);
    const c = await pool.query('SELECT name, api_key, app_version, enrolled_at, enrolled_as, pending_sales, unknown_sales, counts_reported_at FROM counters');
    expect(c.rows).toEqual([{ name: 'Counter 1', api_key: 'ctr-00000001', app_version: '0.1.0', enrolled_at: null, enrolled_as: null, pending_sales: null, unknown_sales: null, counts_reported_at: null }]);

    const code = (over: Record<string, unknown> = {}) => {
      const row: Record<string, unknown> = { code_hash: hash(1), counter_name: 'Counter 7', created_by: 'admin', expires_at: new Date(Date.now() + 86_400_000), ...over };
      const cols = Object.keys(row);
      return pool.query(`INSERT INTO enrolment_codes (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
    };
    await code();
    await expect(code()).rejects.toThrow(/duplicate key/);
    await expect(code({ code_hash: Buffer.alloc(16) })).rejects.toThrow(/check constraint/);
    await expect(code({ code_hash: hash(2), expires_at: new Date(Date.now() - 1000) })).rejects.toThrow(/check constraint/);
    await expect(code({ code_hash: hash(3), counter_id: 1 })).rejects.toThrow(/check constraint/);
    await expect(code({ code_hash: hash(4), counter_name: '' })).rejects.toThrow(/check constraint/);
    await expect(code({ code_hash: hash(5), used_at: new Date(), counter_id: 99 })).rejects.toThrow(/foreign key/);
    await expect(pool.query('UPDATE counters SET pending_sales = -1')).rejects.toThrow(/check constraint/);
  });
});
