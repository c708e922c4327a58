// Migration 0010 (the vendor attempt ledger) on a database with history: STS sales still waiting
// for their outcome were sent by a Shahn that kept no ledger, so each gets a "legacy" attempt
// dated at the migration (that process is gone: nothing can be later) to the endpoint in force;
// settled sales and cloud credit get nothing, and no sale row changes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../db/migrate';
import { attemptSummary } from '../../../db/repos/vendor-attempts';

const at = (min: number) => new Date(Date.UTC(2026, 2, 1, 10, min)).toISOString();

function version9(): Database.Database {
  const db = new Database(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-mig10-')), 'db.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, loadMigrations(), 9);
  db.prepare(`INSERT INTO users (id, username, display_name, role, pin_hash, created_at) VALUES (1, 'cashier', 'Cashier', 'cashier', 'x', ?)`).run(at(0));
  db.prepare(`INSERT INTO meters (id, number, kind, schedule_code, sts_sgc, sts_ti, sts_krn, sts_key_type, sts_base_date, created_at) VALUES (1, '04000001018', 'sts', 'RES', '123456', '01', 1, 2, 2014, ?)`).run(at(0));
  db.prepare(`INSERT INTO meters (id, number, kind, schedule_code, created_at) VALUES (2, '202400000001', 'acrel', 'RES', ?)`).run(at(0));
  let receipt = 0;
  const sale = (id: string, meterId: number, product: string, status: string) => {
    db.prepare(
      `INSERT INTO sales (id, receipt_no, user_id, meter_id, meter_number, product, status, payment_method, currency, amount_minor, tendered_minor,
         charged_minor, change_minor, value_minor, energy_tenths, quote_json, print_status, print_count, created_at, updated_at)
       VALUES (?, ?, 1, ?, (SELECT number FROM meters WHERE id = ?), ?, 'paid', 'cash', 'YER', 1500, 1500, 1500, 0, 1500, ?, '{"k":1}', 'printed', 1, ?, ?)`,
    ).run(id, ++receipt, meterId, meterId, product, product === 'sts_kwh' ? 125 : null, at(receipt), at(receipt));
    if (status !== 'paid') db.prepare('UPDATE sales SET status = ? WHERE id = ?').run(status, id);
  };
  sale('s-paid', 1, 'sts_kwh', 'paid');
  sale('s-unknown', 1, 'sts_kwh', 'unknown');
  sale('s-failed', 1, 'sts_kwh', 'failed');
  sale('s-acrel', 2, 'acrel_credit', 'pending');
  return db;
}

describe('migration 0010 (vendor attempt ledger)', () => {
  it('gives every STS sale still waiting a legacy attempt at the migration, and nothing else', () => {
    const db = version9();
    const before = db.prepare('SELECT * FROM sales ORDER BY receipt_no').all();
    const t0 = Date.now();
    expect(migrate(db, loadMigrations(), 10)).toEqual([10]); // 0010 alone: later migrations have their own tests
    expect(db.prepare('SELECT * FROM sales ORDER BY receipt_no').all()).toEqual(before);
    const rows = db.prepare('SELECT idempotency_key AS k, endpoint_id AS e, operation AS op, signed_at_ms AS s FROM vendor_attempts ORDER BY k').all() as { k: string; e: null; op: string; s: number }[];
    expect(rows.map((r) => [r.k, r.e, r.op])).toEqual([['s-paid', null, 'legacy'], ['s-unknown', null, 'legacy']]);
    for (const r of rows) expect(Math.abs(r.s - t0)).toBeLessThan(5_000);
    // A legacy attempt may have arrived: its verdict waits a whole window from the migration.
    expect(attemptSummary(db, 's-unknown')).toMatchObject({ count: 1, endpointId: null });
    expect(attemptSummary(db, 's-failed')).toMatchObject({ count: 0, lastSignedAtMs: null });
  });

  it('keeps one row per endpoint and refuses an unknown vendor', () => {
    const db = version9();
    migrate(db, loadMigrations(), 10);
    const ins = db.prepare(`INSERT INTO vendor_endpoints (vendor, fingerprint, base_url, merchant_id, sealed_json, created_at) VALUES (?, ?, 'http://x', NULL, 's', ?)`);
    ins.run('sts', 'f1', at(0));
    expect(() => ins.run('sts', 'f1', at(1))).toThrow(/UNIQUE/);
    expect(() => ins.run('mail', 'f2', at(1))).toThrow(/CHECK/);
  });
});
