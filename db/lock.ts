// An exclusive SQLite lock on a file of its own, held until closed: the operating system keeps it
// (fcntl record locks on Linux and macOS, LockFileEx on Windows) and drops it when the process
// ends, however it ends. instance-lock.ts builds "one Shahn per data folder" on it.
import fs from 'node:fs';
import Database from 'better-sqlite3';

const errCode = (e: unknown) => (e as { code?: string }).code;

/** The lock's connection, or null when another connection (this process or another) holds it. */
export function takeFileLock(file: string): { close(): void } | null {
  for (let attempt = 0; ; attempt++) {
    const db = new Database(file, { timeout: 0 }); // never wait: a held lock means "running"
    try {
      // EXCLUSIVE locking mode: once taken, the lock is kept until the connection closes. The
      // journal lives in memory: there is nothing in this file worth a journal on disk.
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = MEMORY');
      db.exec('BEGIN EXCLUSIVE; COMMIT');
      return db;
    } catch (e) {
      // Closing this connection does not drop a lock another connection of this process holds:
      // SQLite keeps such a file open until that lock is released (fcntl locks are per process).
      db.close();
      if (errCode(e) === 'SQLITE_BUSY') return null;
      // Not a database (damaged, or written by something else): no one can hold a lock through
      // it, and emptying it in place (never deleting it) makes it a valid empty one.
      if (errCode(e) === 'SQLITE_NOTADB' && attempt === 0) {
        fs.truncateSync(file);
        continue;
      }
      throw e;
    }
  }
}
