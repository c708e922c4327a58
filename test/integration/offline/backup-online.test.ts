// An online backup of a big database leaves the till's event loop free (the copy and its check
// run in a worker thread), and the copy is one consistent moment even though sales are committed
// while it is made: its audit chain holds and it has every sale committed before it began.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkAuditChain } from '../../../main/audit/verify';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import { startHarness, type Harness } from '../../helpers/harness';

let h: Harness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

const PAD_MB = 64;

describe('online backup of a big database', () => {
  it('keeps the event loop free and copies one consistent moment while sales go on', async () => {
    const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-backups-'));
    h = await startHarness({ settings: { backup: { dir: backupDir, intervalMinutes: 0, keep: 2 } } });
    await h.login();
    const sell = async () => h!.call('sales.sell', await h!.confirmed({ meterNumber: DEMO_STS_METERS[0]!.number, amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' }));
    await sell();
    // Years of history stand-in: tens of megabytes of pages the copy and its check must go through.
    const w = h.app.db.write;
    w.exec('CREATE TABLE history_pad (x BLOB)');
    const pad = w.prepare('INSERT INTO history_pad VALUES (randomblob(65536))');
    w.transaction(() => { for (let i = 0; i < PAD_MB * 16; i++) pad.run(); })();
    const salesBefore = (w.prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number }).n;

    // Nothing else runs: how much of the backup's time the event loop spent working for it.
    const elu0 = performance.eventLoopUtilization();
    const quiet = await h.app.backup('manual');
    const elu = performance.eventLoopUtilization(elu0);
    expect(quiet.bytes).toBeGreaterThan(PAD_MB * 1024 * 1024);
    // With the copy and its check on the event loop this is close to 1; in a worker, the loop mostly waits.
    expect(elu.utilization).toBeLessThan(0.5);

    let done = false;
    const backup = h.app.backup('manual').finally(() => { done = true; });
    let soldDuring = 0;
    while (!done) {
      await sell();
      soldDuring++;
    }
    const b = await backup;
    expect(soldDuring).toBeGreaterThan(0);

    const copy = new Database(b.file, { readonly: true });
    try {
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      const sales = (copy.prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number }).n;
      expect(sales).toBeGreaterThanOrEqual(salesBefore);
      expect(sales).toBeLessThanOrEqual(salesBefore + soldDuring);
      expect(checkAuditChain(copy)).toMatchObject({ ok: true });
    } finally {
      copy.close();
    }
    expect(fs.readdirSync(backupDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  }, 120_000);
});
