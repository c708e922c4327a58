// The SQLite side of backups and restores: a database file opened on its own to be checked, a file
// copied with SQLite's backup API, and the online backup made and checked off the main thread.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
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

/**
 * Runs in a worker thread, so that neither the copy nor its check ever holds the event loop that
 * answers the till, however big the database. The copy is ONE backup step on a connection of its
 * own: one read transaction, so one consistent snapshot of everything committed (WAL included),
 * while the till keeps committing (in WAL mode a reader does not block the writer). Stepping in
 * small chunks instead would restart the copy at every sale committed by the app's connection.
 * Then PRAGMA quick_check on the copy: a copy that does not open cleanly is worse than none.
 * Plain JavaScript evaluated by the worker, so that it runs the same under Electron, the compiled
 * build, tsx and vitest; the driver is resolved here, where module resolution knows the app.
 */
const BACKUP_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
async function run() {
  const source = new Database(workerData.source, { readonly: true, fileMustExist: true });
  try {
    await source.backup(workerData.dest, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new Database(workerData.dest, { readonly: true, fileMustExist: true });
  try {
    return String(copy.pragma('quick_check', { simple: true }));
  } finally {
    copy.close();
  }
}
run().then((check) => parentPort.postMessage({ check }), (e) => parentPort.postMessage({ error: String(e && e.message || e) }));
`;

/**
 * Copies the database file `source` (committed WAL content included) to `dest`, then quick-checks
 * the copy, both in a worker thread. Resolves with the check's answer ('ok' or what is wrong).
 */
export function backupAndCheck(source: string, dest: string): Promise<string> {
  const driver = createRequire(__filename).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(BACKUP_WORKER, { eval: true, workerData: { driver, source, dest } });
    let answered = false;
    worker.once('message', (m: { check?: string; error?: string }) => {
      answered = true;
      if (m.error !== undefined) reject(new Error(m.error));
      else resolve(m.check!);
    });
    worker.once('error', (e) => { answered = true; reject(e); });
    worker.once('exit', (code) => { if (!answered) reject(new Error(`the backup worker stopped (exit code ${code})`)); });
  });
}
