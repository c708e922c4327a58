// The head office's migration runner on a real PostgreSQL: a fresh database gets every migration
// in order, recorded; running again changes nothing; a database from a newer head office is
// refused without a change; a failing migration leaves nothing of itself behind.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { currentVersion, loadMigrations, migrate, MigrationError, type Migration } from '../../../head-office/db/migrate';
import { usePostgres } from '../../helpers/postgres';

const postgres = usePostgres();
const MIGRATIONS = loadMigrations();
const pools: pg.Pool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
});

async function freshPool(): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: await postgres.freshDatabase(), max: 4 });
  pools.push(pool);
  return pool;
}

const tables = async (pool: pg.Pool) =>
  (await pool.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).rows.map((r) => r.t);

describe('head-office migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(1);
  });

  it('bring a fresh database to the latest version, each recorded', async () => {
    const pool = await freshPool();
    expect(await currentVersion(pool)).toBe(0);
    expect(await migrate(pool)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await currentVersion(pool)).toBe(MIGRATIONS.length);
    const log = await pool.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(log.rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(await tables(pool)).toEqual(expect.arrayContaining(['counters', 'sales', 'schema_migrations']));
  });

  it('change nothing when run again', async () => {
    const pool = await freshPool();
    await migrate(pool);
    const before = await tables(pool);
    expect(await migrate(pool)).toEqual([]);
    expect(await tables(pool)).toEqual(before);
    expect((await pool.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0]).toEqual({ n: MIGRATIONS.length });
  });

  it('run once when two services start at the same time on one database', async () => {
    const pool = await freshPool();
    const [a, b] = await Promise.all([migrate(pool), migrate(pool)]);
    expect([...a, ...b].sort((x, y) => x - y)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('refuse a database written by a newer head office, changing nothing', async () => {
    const pool = await freshPool();
    await migrate(pool);
    const future = MIGRATIONS.length + 1;
    await pool.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, 'from_the_future')`, [future]);
    const withNext: Migration[] = [...MIGRATIONS, { version: future + 1, name: 'next', sql: 'CREATE TABLE never_made (id int)' }];
    await expect(migrate(pool, MIGRATIONS)).rejects.toThrow(MigrationError);
    await expect(migrate(pool, MIGRATIONS)).rejects.toThrow(`schema version ${future} but this head office knows only ${MIGRATIONS.length}`);
    // Knowing more migrations than the database holds is no excuse to skip its unknown one.
    await expect(migrate(pool, withNext.slice(0, MIGRATIONS.length))).rejects.toThrow(MigrationError);
    expect(await tables(pool)).not.toContain('never_made');
    expect(await currentVersion(pool)).toBe(future);
  });

  it('leave nothing of a migration that fails half way', async () => {
    const pool = await freshPool();
    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE half_made (id int); SELECT no_such_function();' },
    ];
    await expect(migrate(pool, broken)).rejects.toThrow(/broken failed, nothing of it was applied/);
    expect(await tables(pool)).not.toContain('half_made');
    expect(await currentVersion(pool)).toBe(MIGRATIONS.length);
  });
});
