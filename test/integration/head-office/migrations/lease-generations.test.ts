// The lease generations migration: every lease starts at generation 1, and knows the vending key
// it was derived from from now on; lease events record their generation. Found by name, so
// renumbering it at a merge is a file rename.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { currentVersion, loadMigrations, migrate } from '../../../../head-office/db/migrate';
import { usePostgres } from '../../../helpers/postgres';

const postgres = usePostgres();
const pools: pg.Pool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
});
const V = loadMigrations().find((m) => m.name === 'lease_generations')!.version;

describe(`${V}_lease_generations`, () => {
  it('keeps leases and their history, starts them at generation 1, and holds the new columns to their rules', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.freshDatabase(), max: 2 });
    pools.push(pool);
    await migrate(pool, loadMigrations(), V - 1);
    await pool.query(`INSERT INTO counters (name, api_key, secret_sealed) VALUES ('Counter 1', 'ctr-00000001', 'sealed')`);
    await pool.query(`INSERT INTO vending_keys (sgc, krn, key_type, base_date, ea, dkga, kcv, sealed, loaded_by) VALUES ('123456', 1, 2, 2014, '07', '02', 'C33F45', 'sealed', 'admin')`);
    await pool.query(`INSERT INTO meter_leases (meter, counter_id, granted_at, renewed_at, expires_at) VALUES ('04000001018', 1, now(), now(), now() + interval '1 day')`);
    await pool.query(`INSERT INTO lease_events (meter, counter_id, event, at, expires_at, by) VALUES ('04000001018', 1, 'granted', now(), now() + interval '1 day', 'counter')`);
    const before = (await pool.query('SELECT meter, counter_id, granted_at, expires_at FROM meter_leases')).rows;
    expect(await migrate(pool, loadMigrations(), V)).toEqual([V]);
    expect(await currentVersion(pool)).toBe(V);
    expect((await pool.query('SELECT meter, counter_id, granted_at, expires_at FROM meter_leases')).rows).toEqual(before);
    expect((await pool.query('SELECT generation, vending_key_id FROM meter_leases')).rows).toEqual([{ generation: '1', vending_key_id: null }]);
    expect((await pool.query('SELECT generation FROM lease_events')).rows).toEqual([{ generation: null }]);
    await expect(pool.query('UPDATE meter_leases SET generation = 0')).rejects.toThrow(/check constraint/);
    await expect(pool.query('UPDATE meter_leases SET vending_key_id = 999')).rejects.toThrow(/foreign key/);
    await pool.query('UPDATE meter_leases SET vending_key_id = 1, generation = 2');
    await expect(pool.query(`INSERT INTO lease_events (meter, counter_id, event, at, by, generation) VALUES ('04000001018', 1, 'released', now(), 'counter', 0)`)).rejects.toThrow(/check constraint/);
  });
});
