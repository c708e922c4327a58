// The leases migration adds the head office's vending keys (sealed, one in use per SGC and KRN),
// one lease row per meter and the lease events an auditor reads, which are never changed. Found by
// name, so renumbering it at a merge is a file rename.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { currentVersion, loadMigrations, migrate } from '../../../../head-office/db/migrate';
import { usePostgres } from '../../../helpers/postgres';

const postgres = usePostgres();
const pools: pg.Pool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
});
const V = loadMigrations().find((m) => m.name === 'leases')!.version;

const key = (pool: pg.Pool, over: Record<string, unknown> = {}) => {
  const row: Record<string, unknown> = { sgc: '123456', krn: 1, key_type: 2, base_date: 2014, ea: '07', dkga: '02', kcv: 'C33F45', sealed: 'sealed', loaded_by: 'admin', ...over };
  const cols = Object.keys(row);
  return pool.query(`INSERT INTO vending_keys (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`, Object.values(row));
};

describe(`${V}_leases`, () => {
  it('keeps what came before and holds vending keys, leases and their history to their rules', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.freshDatabase(), max: 2 });
    pools.push(pool);
    await migrate(pool, loadMigrations(), V - 1);
    await pool.query(`INSERT INTO counters (name, api_key, secret_sealed) VALUES ('Counter 1', 'ctr-00000001', 'sealed')`);
    const before = (await pool.query('SELECT id, name FROM counters')).rows;
    expect(await migrate(pool, loadMigrations(), V)).toEqual([V]);
    expect(await currentVersion(pool)).toBe(V);
    expect((await pool.query('SELECT id, name FROM counters')).rows).toEqual(before);

    const first = (await key(pool)).rows[0].id;
    // One key in use per SGC and KRN; a retired one stays beside its successor.
    await expect(key(pool)).rejects.toThrow(/vending_keys_active/);
    await pool.query('UPDATE vending_keys SET retired_at = now() WHERE id = $1', [first]);
    await key(pool);
    await expect(key(pool, { sgc: '12345', krn: 2 })).rejects.toThrow(/check constraint/);
    await expect(key(pool, { krn: 3, kcv: 'c33f45' })).rejects.toThrow(/check constraint/);
    await expect(key(pool, { krn: 4, ea: '09' })).rejects.toThrow(/check constraint/);

    const lease = (over: Record<string, unknown> = {}) => {
      const row: Record<string, unknown> = { meter: '04000001018', counter_id: 1, granted_at: '2026-03-01T10:00Z', renewed_at: '2026-03-01T10:00Z', expires_at: '2026-03-04T10:00Z', ...over };
      const cols = Object.keys(row);
      return pool.query(`INSERT INTO meter_leases (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
    };
    await lease();
    await expect(lease()).rejects.toThrow(/meter_leases_pkey/);
    await expect(lease({ meter: 'm2', expires_at: '2026-03-01T09:00Z' })).rejects.toThrow(/check constraint/);
    await expect(lease({ meter: 'm3', released_at: '2026-03-02T10:00Z' })).rejects.toThrow(/check constraint/);
    await expect(lease({ meter: 'm4', counter_id: 99 })).rejects.toThrow(/foreign key/);

    await pool.query(`INSERT INTO lease_events (meter, counter_id, event, at, expires_at, by) VALUES ('04000001018', 1, 'granted', now(), now() + interval '1 day', 'counter')`);
    await expect(pool.query(`INSERT INTO lease_events (meter, counter_id, event, at, by) VALUES ('04000001018', 1, 'granted', now(), 'counter')`)).rejects.toThrow(/check constraint/);
    await expect(pool.query(`UPDATE lease_events SET by = 'someone else'`)).rejects.toThrow(/never changed or deleted/);
    await expect(pool.query(`DELETE FROM lease_events`)).rejects.toThrow(/never changed or deleted/);
  });
});
