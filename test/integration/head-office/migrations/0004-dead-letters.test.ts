// Migration 0004 adds the counters' dead letters: one per counter and outbox message, a resolved
// one says when, and the Z reports and counters before it are untouched.
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
    counter_id: 1, outbox_id: 7, topic: 'acrel.recharge', key: 'sale-1', sale_id: null, code: 'REFUSED', message: '{"en":"no","ar":"لا"}',
    dead_at: '2026-03-01T10:00:00Z', state: 'dead', resolution: null, resolved_at: null, reported_at: '2026-03-01T10:00:00Z', received_at: '2026-03-01T10:00:01Z', ...over,
  };
  const cols = Object.keys(row);
  return pool.query(`INSERT INTO dead_letters (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
};

describe('0004_dead_letters', () => {
  it('keeps what came before and holds dead letters to their rules', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.freshDatabase(), max: 2 });
    pools.push(pool);
    await migrate(pool, loadMigrations(), 3);
    await pool.query(`INSERT INTO counters (name, api_key, secret_sealed) VALUES ('Counter 1', 'ctr-00000001', 'sealed')`);
    const before = (await pool.query('SELECT id, name FROM counters')).rows;
    expect(await migrate(pool, loadMigrations(), 4)).toEqual([4]);
    expect(await currentVersion(pool)).toBe(4);
    expect((await pool.query('SELECT id, name FROM counters')).rows).toEqual(before);
    await insert(pool);
    await expect(insert(pool)).rejects.toThrow(/duplicate key value violates unique constraint "dead_letters_pkey"/);
    await expect(insert(pool, { outbox_id: 8, state: 'resolved' })).rejects.toThrow(/check constraint/);
    await expect(insert(pool, { outbox_id: 9, state: 'lost' })).rejects.toThrow(/check constraint/);
    await expect(insert(pool, { outbox_id: 10, counter_id: 99 })).rejects.toThrow(/foreign key/);
  });
});
