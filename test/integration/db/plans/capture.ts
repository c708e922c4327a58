// What a piece of the app asks SQLite, and which of those statements would read a whole table that
// grows with history: for the plan tests of this folder.
import Database from 'better-sqlite3';

/** Tables whose size is set by the counter's configuration, never by its history: scanning them costs the same in year ten. */
export const CONFIGURATION_SIZED = new Set(['sqlite_master', 'sqlite_schema', 'schema_migrations', 'settings', 'vending_keys', 'users', 'tariff_groups']);

export interface Ran { sql: string; args: unknown[] }

/** Records every statement prepared on any connection (with the arguments it first ran with) while `f` runs. */
export async function captureStatements(f: () => Promise<void>): Promise<Ran[]> {
  const seen = new Map<string, unknown[]>();
  const proto = Database.prototype as unknown as { prepare: (this: Database.Database, sql: string) => Database.Statement };
  const prepare = proto.prepare;
  proto.prepare = function (this: Database.Database, sql: string) {
    const s = prepare.call(this, sql);
    for (const method of ['get', 'all', 'run', 'iterate'] as const) {
      const run = (s[method] as (...a: unknown[]) => unknown).bind(s);
      (s as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        if (!seen.has(sql)) seen.set(sql, args);
        return run(...args);
      };
    }
    return s;
  };
  try {
    await f();
  } finally {
    proto.prepare = prepare;
  }
  return [...seen].map(([sql, args]) => ({ sql, args }));
}

/**
 * The plan's lines that read a whole history-sized table. A SCAN reads every row even when it
 * walks an index ("SCAN sales USING INDEX ..." is the whole table in index order); only a SEARCH
 * goes straight to the rows asked for.
 */
export function historyScans(db: Database.Database, r: Ran): string[] {
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.args) as { detail: string }[]).map((p) => p.detail);
  return plan.filter((d) => {
    const m = /^SCAN (\S+)/.exec(d);
    return m !== null && !/CONSTANT ROW|VIRTUAL TABLE/.test(d) && !CONFIGURATION_SIZED.has(m[1]!);
  });
}

