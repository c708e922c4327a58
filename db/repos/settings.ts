// The settings table: one JSON value per key. Values are validated by their owners (e.g. main/printing/settings-rules.ts)
// on the way in AND out: a row edited by hand or written by an older Shahn is never trusted blindly.
import type { ReadDb, WriteDb } from '../open';

export function readSetting(db: ReadDb, key: string): unknown {
  const r = db.prepare('SELECT value_json FROM settings WHERE key = ?').get(key) as { value_json: string } | undefined;
  if (!r) return undefined;
  try {
    return JSON.parse(r.value_json) as unknown;
  } catch {
    return undefined;
  }
}

export function writeSetting(db: WriteDb, key: string, value: unknown, at: string): void {
  db.prepare(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), at);
}

/** When the key was last written (ISO), or null when there is no row. */
export function settingUpdatedAt(db: ReadDb, key: string): string | null {
  const r = db.prepare('SELECT updated_at FROM settings WHERE key = ?').get(key) as { updated_at: string } | undefined;
  return r?.updated_at ?? null;
}

export function deleteSetting(db: WriteDb, key: string): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(key);
}
