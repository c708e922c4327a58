// Online backups with SQLite's backup API: consistent while the app keeps selling, WAL content
// included, copied and checked in a worker thread (db/backup.ts) so that a multi-gigabyte database
// never holds the till's event loop. Written to a temporary name and renamed, so the folder never
// holds half a backup under a real name. The keys folder is NOT copied on purpose: a backup
// on a USB stick must not carry the master key that opens the sealed vending keys beside it.
import fs from 'node:fs';
import path from 'node:path';
import { backupAndCheck } from '../../db/backup';
import type { Db } from '../../db/open';

export type BackupReason = 'scheduled' | 'shift-close' | 'manual';
export interface BackupResult { file: string; bytes: number; at: string; reason: BackupReason }

const NAME = /^shahn-\d{8}T\d{6}(\d{3})?Z-(scheduled|shift-close|manual)\.sqlite$/;

export function backupFileName(at: Date, reason: BackupReason): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `shahn-${stamp}-${reason}.sqlite`;
}

export async function backupNow(db: Db, dir: string, reason: BackupReason, at: Date, keep: number): Promise<BackupResult> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupFileName(at, reason));
  const partial = `${file}.partial`;
  let check: string;
  try {
    // A backup that does not open cleanly is worse than none: checked before it gets its name.
    check = await backupAndCheck(db.file, partial);
  } catch (e) {
    await fs.promises.rm(partial, { force: true });
    throw e;
  }
  if (check !== 'ok') {
    await fs.promises.rm(partial, { force: true });
    throw new Error(`the backup failed its integrity check (${check})`);
  }
  fs.renameSync(partial, file);
  await prune(dir, keep);
  return { file, bytes: (await fs.promises.stat(file)).size, at: at.toISOString(), reason };
}

/** Keeps the newest `keep` backups of ours in the folder; never touches other files. Removing a file of gigabytes takes a while: not on the event loop. */
async function prune(dir: string, keep: number): Promise<void> {
  const ours = fs.readdirSync(dir).filter((f) => NAME.test(f)).sort();
  for (const f of ours.slice(0, Math.max(0, ours.length - keep))) await fs.promises.rm(path.join(dir, f), { force: true });
}

export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => NAME.test(f)).sort().map((f) => path.join(dir, f));
}

/** Backs up every intervalMinutes (0 = never). A failure is logged and tried again next time. */
export function scheduleBackups(run: () => Promise<unknown>, intervalMinutes: number, log: { error(o: object, m: string): void }): () => void {
  if (intervalMinutes <= 0) return () => {};
  const t = setInterval(() => {
    run().catch((e: unknown) => log.error({ err: (e as Error).message }, 'scheduled backup failed'));
  }, intervalMinutes * 60_000);
  t.unref();
  return () => clearInterval(t);
}
