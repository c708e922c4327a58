// Restores a backup over the app's database, safely:
// 1. refuses while Shahn is running on this data folder, and holds the folder's lock throughout, so
//    Shahn cannot start on a database half put back;
// 2. refuses a file that is not a sound Shahn database (integrity check, schema version known);
// 3. keeps the current database first, as an online-backup copy in <dataDir>/before-restore/;
// 4. removes the old WAL/SHM files and puts the backup in place by rename (atomic);
// 5. opens it once, which applies any newer migrations, and reports the sale count.
import fs from 'node:fs';
import path from 'node:path';
import { acquireInstanceLock, AlreadyRunning } from '../../db/instance-lock';
export { PID_NAME } from '../../db/instance-lock';
import { copyDatabaseFile, openForCheck, type FileCheck } from '../../db/backup';
import { openDb } from '../../db/open';
import { countSales } from '../../db/repos/sales';
import { currentVersion, loadMigrations } from '../../db/migrate';
import { backupFileName } from './backup';

export const DB_NAME = 'shahn.sqlite';

export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}


function checkBackup(file: string): { version: number; sales: number } {
  if (!fs.existsSync(file)) throw new RestoreRefused(`no such file: ${file}`);
  let check: FileCheck;
  try {
    check = openForCheck(file, { fileMustExist: true });
  } catch (e) {
    throw new RestoreRefused(`not a database: ${(e as Error).message}`);
  }
  try {
    let ok: unknown;
    try {
      ok = check.integrityCheck();
    } catch (e) {
      throw new RestoreRefused(`not a database: ${(e as Error).message}`);
    }
    if (ok !== 'ok') throw new RestoreRefused(`the backup is damaged (integrity check: ${String(ok)})`);
    const version = currentVersion(check.db);
    if (version === 0) throw new RestoreRefused('this file is not a Shahn database (no schema history)');
    const known = loadMigrations().length;
    if (version > known) throw new RestoreRefused(`the backup is from a newer Shahn (schema ${version}, this one knows ${known})`);
    const sales = countSales(check.db);
    return { version, sales };
  } finally {
    check.close();
  }
}

export async function restoreBackup(o: { file: string; dataDir: string; now?: Date }): Promise<{ keptCopy: string | null; sales: number; version: number }> {
  let lock: { release(): void };
  try {
    fs.mkdirSync(o.dataDir, { recursive: true }); // a new machine's folder may not exist yet
    lock = acquireInstanceLock(o.dataDir);
  } catch (e) {
    if (e instanceof AlreadyRunning) throw new RestoreRefused(`Shahn is running on ${o.dataDir} (process ${e.pid ?? 'unknown'}); close it first`);
    throw e;
  }
  try {
    return await restoreLocked(o);
  } finally {
    lock.release();
  }
}

async function restoreLocked(o: { file: string; dataDir: string; now?: Date }): Promise<{ keptCopy: string | null; sales: number; version: number }> {
  const { version } = checkBackup(path.resolve(o.file));
  const target = path.join(o.dataDir, DB_NAME);
  let keptCopy: string | null = null;
  if (fs.existsSync(target)) {
    const dir = path.join(o.dataDir, 'before-restore');
    fs.mkdirSync(dir, { recursive: true });
    keptCopy = path.join(dir, backupFileName(o.now ?? new Date(), 'manual'));
    await copyDatabaseFile(target, keptCopy); // includes what is still in the WAL
  }
  const tmp = `${target}.restoring`;
  fs.copyFileSync(path.resolve(o.file), tmp);
  for (const ext of ['-wal', '-shm']) fs.rmSync(`${target}${ext}`, { force: true });
  fs.renameSync(tmp, target);
  const db = openDb(target); // applies newer migrations, proves it opens
  try {
    const sales = countSales(db.read);
    return { keptCopy, sales, version: Math.max(version, currentVersion(db.write)) };
  } finally {
    db.close();
  }
}
