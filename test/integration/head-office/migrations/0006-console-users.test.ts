// Migration 0006 adds the console's users and sessions (and the sales search's indexes): the
// counters and sales before it are untouched; usernames are unique ignoring case; a session is
// kept only as a 32-byte hash, belongs to a user, and says why it was revoked exactly when it was.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { currentVersion, loadMigrations, migrate } from '../../../../head-office/db/migrate';
import { usePostgres } from '../../../helpers/postgres';

const postgres = usePostgres();
const pools: pg.Pool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
});

const user = (pool: pg.Pool, over: Record<string, unknown> = {}) => {
  const row: Record<string, unknown> = {
    username: 'amal', display_name: 'Amal', role: 'admin', password_salt: Buffer.alloc(16, 1), password_hash: Buffer.alloc(64, 2),
    scrypt_n: 32768, scrypt_r: 8, scrypt_p: 1, ...over,
  };
  const cols = Object.keys(row);
  return pool.query<{ id: string }>(`INSERT INTO console_users (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`, Object.values(row));
};

const session = (pool: pg.Pool, over: Record<string, unknown> = {}) => {
  const row: Record<string, unknown> = {
    token_hash: Buffer.alloc(32, 3), user_id: 1, created_at: '2026-03-01T10:00:00Z', last_used_at: '2026-03-01T10:00:00Z', expires_at: '2026-03-01T22:00:00Z', ...over,
  };
  const cols = Object.keys(row);
  return pool.query(`INSERT INTO console_sessions (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
};

describe('0006_console_users', () => {
  it('keeps what came before and holds console users and sessions to their rules', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.freshDatabase(), max: 2 });
    pools.push(pool);
    await migrate(pool, loadMigrations(), 5);
    await pool.query(`INSERT INTO counters (name, api_key, secret_sealed) VALUES ('Counter 1', 'ctr-00000001', 'sealed')`);
    const before = (await pool.query('SELECT id, name, api_key FROM counters')).rows;
    expect(await migrate(pool, loadMigrations(), 6)).toEqual([6]);
    expect(await currentVersion(pool)).toBe(6);
    expect((await pool.query('SELECT id, name, api_key FROM counters')).rows).toEqual(before);

    const id = Number((await user(pool)).rows[0]!.id);
    expect((await pool.query('SELECT active, failed_attempts, locked_until FROM console_users')).rows).toEqual([{ active: true, failed_attempts: 0, locked_until: null }]);
    await expect(user(pool, { username: 'AMAL' })).rejects.toThrow(/console_users_username/);
    await expect(user(pool, { username: 'a b' })).rejects.toThrow(/check constraint/);
    await expect(user(pool, { username: 'omar', role: 'root' })).rejects.toThrow(/check constraint/);
    await expect(user(pool, { username: 'omar', scrypt_n: 1000 })).rejects.toThrow(/check constraint/);
    await expect(user(pool, { username: 'omar', password_salt: Buffer.alloc(4) })).rejects.toThrow(/check constraint/);

    await session(pool, { user_id: id });
    await expect(session(pool, { user_id: id })).rejects.toThrow(/console_sessions_pkey/);
    await expect(session(pool, { token_hash: Buffer.alloc(16) , user_id: id })).rejects.toThrow(/check constraint/);
    await expect(session(pool, { token_hash: Buffer.alloc(32, 4), user_id: 999 })).rejects.toThrow(/foreign key/);
    await expect(session(pool, { token_hash: Buffer.alloc(32, 5), user_id: id, revoked_at: '2026-03-01T11:00:00Z' })).rejects.toThrow(/check constraint/);
    await expect(session(pool, { token_hash: Buffer.alloc(32, 6), user_id: id, expires_at: '2026-03-01T09:00:00Z' })).rejects.toThrow(/check constraint/);

    const indexes = (await pool.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = 'sales' ORDER BY indexname`)).rows.map((r) => r.indexname);
    expect(indexes).toEqual(expect.arrayContaining(['sales_by_time', 'sales_by_counter_time', 'sales_by_meter_time', 'sales_by_receipt']));
  });
});
