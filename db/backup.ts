// The SQLite side of backups and restores: a database file opened on its own to be checked, and a file copied with SQLite's backup API.
import Database from 'better-sqlite3';
import type { ReadDb } from './open';

/** A database file opened readonly, apart from the app's handles, to be checked. */
export interface FileCheck {
  readonly db: ReadDb;
  /** PRAGMA integrity_check: 'ok', or what is wrong. Throws when the file is not a database. */
  integrityCheck(): unknown;
  /** PRAGMA quick_check: 'ok', or what is wrong. */
  quickCheck(): unknown;
  close(): void;
}

export function openForCheck(file: string, options: { fileMustExist?: boolean } = {}): FileCheck {
  const db = new Database(file, { readonly: true, ...options });
  return {
    db,
    integrityCheck: () => db.pragma('integrity_check', { simple: true }),
    quickCheck: () => db.pragma('quick_check', { simple: true }),
    close: () => db.close(),
  };
}

/** Copies the database file `source` (WAL content included) to `dest` through a connection of its own. */
export async function copyDatabaseFile(source: string, dest: string): Promise<void> {
  const cur = new Database(source, { fileMustExist: true });
  try {
    await cur.backup(dest);
  } finally {
    cur.close();
  }
}
