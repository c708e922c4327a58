// Migration 0005 adds the master data the counters pull: one row per record with the version of
// its latest change, a counter's users bound to that counter, and everything before it untouched.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { currentVersion, loadMigrations, migrate } from '../../../../head-office/db/migrate';
import { usePostgres } from '../../../helpers/postgres';

const postgres = usePostgres();
const pools: pg.Pool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
});

const insert = (pool: pg.Pool, over: Record<string, unknown> = {}) => {
  const row: Record<string, unknown> = {
    entity: 'meter', key: '01234567890', counter_id: null, data: '{"number":"01234567890"}', version: 1, updated_at: '2026-03-01T10:00:00Z', updated_by: 'admin', ...over,
  };
  const cols = Object.keys(row);
  return pool.query(`INSERT INTO master_data (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
};

describe('0005_master_data', () => {
  it('keeps what came before and holds master data to its rules', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.freshDatabase(), max: 2 });
    pools.push(pool);
    await migrate(pool, loadMigrations(), 4);
    await pool.query(`INSERT INTO counters (name, api_key, secret_sealed) VALUES ('Counter 1', 'ctr-00000001', 'sealed')`);
    const before = (await pool.query('SELECT id, name FROM counters')).rows;
    expect(await migrate(pool, loadMigrations(), 5)).toEqual([5]);
    expect(await currentVersion(pool)).toBe(5);
    expect((await pool.query('SELECT id, name FROM counters')).rows).toEqual(before);

    await insert(pool);
    await expect(insert(pool, { version: 2 })).rejects.toThrow(/duplicate key value violates unique constraint "master_data_pkey"/);
    await expect(insert(pool, { key: 'other', version: 1 })).rejects.toThrow(/master_data_version_key/);
    await expect(insert(pool, { key: 'x', entity: 'printer', version: 3 })).rejects.toThrow(/check constraint/);
    // A user belongs to one counter; nothing else does.
    await expect(insert(pool, { entity: 'user', key: 'amal@1', version: 4 })).rejects.toThrow(/check constraint/);
    await expect(insert(pool, { key: 'm2', counter_id: 1, version: 5 })).rejects.toThrow(/check constraint/);
    await insert(pool, { entity: 'user', key: 'amal@1', counter_id: 1, version: 6 });
    await expect(insert(pool, { entity: 'user', key: 'amal@99', counter_id: 99, version: 7 })).rejects.toThrow(/foreign key/);
    // A deletion is a tombstone: no data, a version of its own.
    await insert(pool, { key: 'gone', data: null, version: 8 });
    expect(Number((await pool.query(`SELECT nextval('master_data_version') AS v`)).rows[0].v)).toBe(1);
  });
});
