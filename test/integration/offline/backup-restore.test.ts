// Backups and restore: an online backup taken while selling restores to exactly the rows it
// held; the replaced database is kept; a running app or a damaged file is refused.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import { startHarness, type Harness } from '../../helpers/harness';
import { listBackups, restoreBackup, RestoreRefused } from '../../../main/backup';

let h: Harness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });
const sell = async (hh: Harness) => hh.call('sales.sell', await hh.confirmed({ meterNumber: DEMO_STS_METERS[0]!.number, amountMinor: 1500, tenderedMinor: 1500, paymentMethod: 'cash' }));
const rows = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return {
      sales: db.prepare('SELECT id, status, token, receipt_no FROM sales ORDER BY receipt_no').all(),
      audit: (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n,
      outbox: db.prepare('SELECT topic, key, status FROM outbox ORDER BY id').all(),
    };
  } finally {
    db.close();
  }
};

describe('backup and restore', () => {
  it('restores a backup row for row, keeping the database it replaced', async () => {
    const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-backups-'));
    h = await startHarness({ settings: { backup: { dir: backupDir, intervalMinutes: 0, keep: 3 } } });
    await h.login();
    for (let i = 0; i < 3; i++) await sell(h);
    const b = await h.app.backup('shift-close');
    const atBackup = rows(b.file);
    expect(atBackup.sales).toHaveLength(3);
    await sell(h); // after the backup: will be gone after the restore, kept in the copy
    const dataDir = h.dataDir;
    // Refused while the app runs on that folder.
    await expect(restoreBackup({ file: b.file, dataDir })).rejects.toBeInstanceOf(RestoreRefused);
    await h.close();
    h = undefined;
    const r = await restoreBackup({ file: b.file, dataDir });
    expect(r.sales).toBe(3);
    expect(rows(path.join(dataDir, 'shahn.sqlite'))).toEqual(atBackup);
    expect(rows(r.keptCopy!).sales).toHaveLength(4);
    // Keep-N: older backups are pruned.
    const dbh = await startHarness({ dataDir, seed: false, settings: { backup: { dir: backupDir, intervalMinutes: 0, keep: 3 } } });
    h = dbh;
    for (let i = 0; i < 4; i++) await dbh.app.backup('manual');
    expect(listBackups(backupDir)).toHaveLength(3);
  });

  it('refuses a file that is not a sound Shahn database, changing nothing', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-restore-'));
    const junk = path.join(dataDir, 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database at all');
    await expect(restoreBackup({ file: junk, dataDir })).rejects.toBeInstanceOf(RestoreRefused);
    const empty = path.join(dataDir, 'empty.sqlite');
    new Database(empty).close();
    await expect(restoreBackup({ file: empty, dataDir })).rejects.toThrow(/not a Shahn database/);
    expect(fs.existsSync(path.join(dataDir, 'shahn.sqlite'))).toBe(false);
  });

  it('`npm run restore` (scripts/restore.ts) restores from the command line', async () => {
    h = await startHarness();
    await h.login();
    await sell(h);
    const b = await h.app.backup('manual');
    const dataDir = h.dataDir;
    await h.close();
    h = undefined;
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', b.file, '--data-dir', dataDir], { encoding: 'utf8' });
    expect(out).toMatch(/Restored .* \(schema \d+, 1 sales\)/);
    expect(out).toMatch(/kept at/);
  });
});
