// Start-up must not grow with history: every statement createApp runs until the first call is
// answered (migrations checked, settings, keys, sales left unfinished by a crash, the print queue)
// finds its rows through an index. A full scan of a table that grows with the years (sales,
// audit_log, outbox, print_jobs, meters...) would make a till with millions of sales slow to open.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../../main/app/create-app';
import { DEMO_STS_METERS } from '../../../sim/demo-data';
import { startHarness, type Harness } from '../../../helpers/harness';
import { captureStatements, historyScans, type Ran } from './capture';

let h: Harness | undefined;
let ran: Ran[] = [];
let file: string;
beforeAll(async () => {
  // A counter with some history: sales, their audit, outbox and print rows.
  h = await startHarness();
  await h.login();
  for (let i = 0; i < 3; i++) await h.call('sales.sell', await h.confirmed({ meterNumber: DEMO_STS_METERS[0]!.number, amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' }));
  const { config } = h.app;
  const dataDir = h.dataDir;
  file = h.app.db.file;
  await h.close();
  h = undefined;
  ran = await captureStatements(async () => {
    const app = createApp(config, { startWorker: false });
    try {
      const r = await app.call('app.info', {});
      expect(r.ok).toBe(true);
    } finally {
      await app.close();
    }
  });
  expect(fs.existsSync(dataDir)).toBe(true);
});
afterAll(async () => {
  await h?.close();
});

describe('start-up statements', () => {
  it('are captured (the migrations check, settings, unfinished sales, the print queue)', () => {
    const all = ran.map((r) => r.sql).join('\n');
    expect(all).toMatch(/schema_migrations/);
    expect(all).toMatch(/FROM settings/);
    expect(all).toMatch(/FROM sales/);
    expect(all).toMatch(/print_jobs/);
  });

  it('never scan a table that grows with history', () => {
    const db = new Database(file, { readonly: true });
    try {
      const scans = ran.map((r) => ({ sql: r.sql.replace(/\s+/g, ' ').trim(), scans: historyScans(db, r) })).filter((r) => r.scans.length > 0);
      expect(scans).toEqual([]);
    } finally {
      db.close();
    }
  });
});
