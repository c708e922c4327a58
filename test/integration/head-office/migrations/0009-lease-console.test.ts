// The lease-console migration adds the indexes the Leases page pages on (newest renewal first, all
// or one counter's) and who retired a vending key. Found by name, so renumbering it at a merge is
// a file rename.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { currentVersion, loadMigrations, migrate } from '../../../../head-office/db/migrate';
import { usePostgres } from '../../../helpers/postgres';

const postgres = usePostgres();
const pools: pg.Pool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
});
const V = loadMigrations().find((m) => m.name === 'lease_console')!.version;

describe(`${V}_lease_console`, () => {
  it('keeps keys and leases, adds retired_by with its rule, and the paging indexes the planner uses', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.freshDatabase(), max: 2 });
    pools.push(pool);
    await migrate(pool, loadMigrations(), V - 1);
    await pool.query(`INSERT INTO counters (name, api_key, secret_sealed) VALUES ('Counter 1', 'ctr-00000001', 'sealed')`);
    await pool.query(`INSERT INTO vending_keys (sgc, krn, key_type, base_date, ea, dkga, kcv, sealed, loaded_by, retired_at) VALUES
      ('123456', 1, 2, 2014, '07', '02', 'C33F45', 'sealed', 'admin', now()), ('123456', 1, 2, 2014, '07', '02', 'ABCDEF', 'sealed', 'admin', NULL)`);
    await pool.query(`INSERT INTO meter_leases (meter, counter_id, granted_at, renewed_at, expires_at) VALUES ('04000001018', 1, now(), now(), now() + interval '1 day')`);
    const keysBefore = (await pool.query('SELECT id, kcv, retired_at FROM vending_keys ORDER BY id')).rows;
    expect(await migrate(pool, loadMigrations(), V)).toEqual([V]);
    expect(await currentVersion(pool)).toBe(V);
    expect((await pool.query('SELECT id, kcv, retired_at FROM vending_keys ORDER BY id')).rows).toEqual(keysBefore);
    // A key retired before the column existed keeps no name; a key in use cannot have a retirer.
    expect((await pool.query('SELECT retired_by FROM vending_keys ORDER BY id')).rows).toEqual([{ retired_by: null }, { retired_by: null }]);
    await expect(pool.query(`UPDATE vending_keys SET retired_by = 'amal' WHERE retired_at IS NULL`)).rejects.toThrow(/vending_keys_retired_by_needs_retired_at/);
    await pool.query(`UPDATE vending_keys SET retired_at = now(), retired_by = 'console:amal' WHERE retired_at IS NULL`);
    await expect(pool.query(`UPDATE vending_keys SET retired_by = '' WHERE id = 1`)).rejects.toThrow(/check constraint/);
    expect((await pool.query('SELECT count(*)::int AS n FROM meter_leases')).rows).toEqual([{ n: 1 }]);

    await pool.query(`INSERT INTO counters (name, api_key, secret_sealed) SELECT 'Counter ' || i, 'ctr-' || lpad(i::text, 8, '0'), 'sealed' FROM generate_series(2, 50) i`);
    await pool.query(`INSERT INTO meter_leases (meter, counter_id, granted_at, renewed_at, expires_at)
      SELECT lpad(i::text, 11, '0'), 1 + i % 50, now() - i * interval '1 s', now() - i * interval '1 s', now() + interval '1 day' FROM generate_series(1, 5000) i`);
    await pool.query('ANALYZE meter_leases');
    const plan = async (sql: string) => JSON.stringify((await pool.query(`EXPLAIN (FORMAT JSON) ${sql}`)).rows);
    expect(await plan('SELECT meter FROM meter_leases ORDER BY renewed_at DESC, meter DESC LIMIT 50')).toContain('meter_leases_by_renewal');
    expect(await plan('SELECT meter FROM meter_leases WHERE counter_id = 7 ORDER BY renewed_at DESC, meter DESC LIMIT 50')).toContain('meter_leases_by_counter_renewal');
  });
});
