// Numbered migrations: NNNN_name.sql in db/migrations, each applied in its own transaction and
// recorded in schema_migrations. A database that has seen a migration this code does not know
// (history from the future) is refused rather than silently used.
import fs from 'node:fs';
import path from 'node:path';
import type { ReadDb, WriteDb } from './open';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

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

export function currentVersion(db: ReadDb): number {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
  if (!exists) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

function ensureTable(db: WriteDb): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
}

/** Throws, changing nothing, when the database has history this code does not know. */
export function refuseFutureSchema(db: ReadDb, known: number): void {
  const have = currentVersion(db);
  if (have > known) {
    throw new MigrationError(
      `this database is at schema version ${have} but this version of Shahn knows only ${known}: ` +
        'it was written by a newer Shahn. Install that version (or restore a backup); nothing was changed.',
    );
  }
}

/** Applies every pending migration; returns the versions applied. */
export function migrate(db: WriteDb, migrations: Migration[] = loadMigrations(), upTo?: number): number[] {
  refuseFutureSchema(db, migrations.length);
  ensureTable(db);
  const have = currentVersion(db);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= have || (upTo !== undefined && m.version > upTo)) continue;
    // A migration that rebuilds a table others reference starts with "-- foreign_keys: off": it
    // runs with foreign keys off (they cannot change inside a transaction) and is refused before
    // it commits if any reference no longer holds (SQLite's documented table-rebuild procedure).
    const fkOff = m.sql.startsWith('-- foreign_keys: off');
    const fkWas = db.pragma('foreign_keys', { simple: true }) as number;
    if (fkOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.sql);
        if (fkOff && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new MigrationError(`migration ${m.version}_${m.name} would break foreign keys; nothing was changed`);
        }
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          m.version,
          m.name,
          new Date().toISOString(),
        );
      })();
    } finally {
      if (fkOff) db.pragma(`foreign_keys = ${fkWas ? 'ON' : 'OFF'}`);
    }
    applied.push(m.version);
  }
  return applied;
}
