// Numbered migrations for the head office's PostgreSQL, the way db/migrate.ts does them for a
// counter's SQLite: NNNN_name.sql in head-office/db/migrations, each applied in its own transaction
// and recorded in schema_migrations; a database that has seen a migration this code does not know
// (written by a newer head office) is refused, changing nothing. Two services starting at once on
// one database take turns through an advisory lock.
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;
/** pg_advisory_lock key: "SHAHNMIG" in ASCII, so it cannot collide with another app's by chance. */
const LOCK_KEY = '6001118282278324551';

export function loadMigrations(dir = path.join(__dirname, 'migrations')): Migration[] {
  const list = fs
    .readdirSync(dir)
    .filter((f) => FILE.test(f))
    .sort()
    .map((f) => {
      const m = FILE.exec(f)!;
      return { version: Number(m[1]), name: m[2]!, sql: fs.readFileSync(path.join(dir, f), 'utf8') };
    });
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new MigrationError(`migration numbering has a gap or duplicate at ${m.version}_${m.name}`);
  });
  return list;
}

type Queryable = Pick<pg.ClientBase, 'query'>;

export async function currentVersion(db: Queryable): Promise<number> {
  const t = await db.query<{ exists: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`);
  if (!t.rows[0]?.exists) return 0;
  const r = await db.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
  return r.rows[0]?.v ?? 0;
}

/** Applies every pending migration (up to `upTo`); returns the versions applied. */
export async function migrate(pool: pg.Pool, migrations: Migration[] = loadMigrations(), upTo?: number): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      const have = await currentVersion(client);
      if (have > migrations.length) {
        throw new MigrationError(
          `this database is at schema version ${have} but this head office knows only ${migrations.length}: ` +
            'it was written by a newer head office. Run that version (or restore a backup); nothing was changed.',
        );
      }
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const applied: number[] = [];
      for (const m of migrations) {
        if (m.version <= have || (upTo !== undefined && m.version > upTo)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new MigrationError(`migration ${m.version}_${m.name} failed, nothing of it was applied: ${(err as Error).message}`);
        }
        applied.push(m.version);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
