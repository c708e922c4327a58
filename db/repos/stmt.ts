// Prepared statements cached per connection: preparing costs about as much as running a small
// insert, and the sale commit runs the same few statements every time (test/bench/commit.bench.ts).
// A statement cached for the write handle can run; one cached for a read handle can only read.
import type Database from 'better-sqlite3';
import type { ReadDb, ReadStatement, WriteDb } from '../open';

const cache = new WeakMap<ReadDb, Map<string, ReadStatement>>();

export function stmt(db: WriteDb, sql: string): Database.Statement;
export function stmt(db: ReadDb, sql: string): ReadStatement;
export function stmt(db: ReadDb, sql: string): ReadStatement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}
