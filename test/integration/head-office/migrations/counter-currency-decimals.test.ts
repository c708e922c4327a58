// The counter currency decimals migration (NNNN_counter_currency_decimals: found by name, so
// renumbering it at a merge changes nothing here): every counter keeps its row and starts with its
// decimals unknown; decimals are 0 to 3 and come with the time they were said.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { currentVersion, loadMigrations, migrate } from '../../../../head-office/db/migrate';
import { reportCurrencyDecimals } from '../../../../head-office/db/counters';
import { usePostgres } from '../../../helpers/postgres';

const postgres = usePostgres();
const pools: pg.Pool[] = [];
afterAll(() => Promise.all(pools.map((p) => p.end())));
const V = loadMigrations().find((m) => m.name === 'counter_currency_decimals')!.version;

describe(`${V}_counter_currency_decimals`, () => {
  it('keeps every counter, unknown decimals until said, and holds them to 0-3 with their time', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.freshDatabase(), max: 2 });
    pools.push(pool);
    await migrate(pool, loadMigrations(), V - 1);
    await pool.query(`INSERT INTO counters (name, api_key, secret_sealed) VALUES ('Counter 1', 'ctr-00000001', 'sealed'), ('Counter 2', 'ctr-00000002', 'sealed')`);
    const before = (await pool.query('SELECT * FROM counters ORDER BY id')).rows;
    expect(await migrate(pool, loadMigrations(), V)).toEqual([V]);
    expect(await currentVersion(pool)).toBe(V);
    const after = (await pool.query('SELECT * FROM counters ORDER BY id')).rows;
    expect(after.map(({ currency_decimals: _d, currency_decimals_reported_at: _t, ...rest }) => rest)).toEqual(before);
    expect(after.map((r) => [r.currency_decimals, r.currency_decimals_reported_at])).toEqual([[null, null], [null, null]]);

    const id = before[0].id as number;
    await reportCurrencyDecimals(pool, id, 2);
    const said = (await pool.query('SELECT currency_decimals, currency_decimals_reported_at FROM counters WHERE id = $1', [id])).rows[0];
    expect(said.currency_decimals).toBe(2);
    expect(said.currency_decimals_reported_at).toBeInstanceOf(Date);
    await expect(pool.query('UPDATE counters SET currency_decimals = 4, currency_decimals_reported_at = now() WHERE id = $1', [id])).rejects.toThrow(/check constraint/);
    await expect(pool.query('UPDATE counters SET currency_decimals = 1, currency_decimals_reported_at = NULL WHERE id = $1', [id])).rejects.toThrow(/counters_decimals_reported/);
  });
});
