// A fingerprint of a whole SQLite database: one SHA-256 per table over all its rows in rowid (or
// primary key) order, so a difference names the table that changed.
import { createHash } from 'node:crypto';
import type { ReadDb } from '../../../db/open';

export function snapshot(db: ReadDb): Record<string, string> {
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
  const out: Record<string, string> = {};
  for (const t of tables) {
    const q = `"${t.replace(/"/g, '""')}"`;
    let rows: unknown[];
    try {
      rows = db.prepare(`SELECT * FROM ${q} ORDER BY rowid`).all();
    } catch {
      rows = db.prepare(`SELECT * FROM ${q} ORDER BY 1`).all(); // WITHOUT ROWID
    }
    const json = JSON.stringify(rows, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? v.toString() : v));
    out[t] = `${rows.length}:${createHash('sha256').update(json).digest('hex')}`;
  }
  return out;
}
