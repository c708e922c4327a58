// Every migration applies on the database the previous ones left, is recorded, and a database
// from a newer Shahn is refused without being touched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { currentVersion, loadMigrations, migrate, MigrationError } from '../../../db/migrate';
import { openDb } from '../../../db/open';

const tmpFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-mig-')), 'db.sqlite');
const tables = (db: Database.Database) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  const all = loadMigrations();

  it('are numbered from 1 with no gap', () => {
    expect(all.map((m) => m.version)).toEqual(all.map((_, i) => i + 1));
  });

  it.each(all.map((m) => [m.version, m.name] as const))('migration %i (%s) applies on top of the ones before it', (version) => {
    const db = new Database(tmpFile());
    migrate(db, all, version - 1);
    expect(currentVersion(db)).toBe(version - 1);
    expect(migrate(db, all, version)).toEqual([version]);
    expect(currentVersion(db)).toBe(version);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('0001 creates the tables the app needs, with money checks and an append-only audit log', () => {
    const db = new Database(tmpFile());
    migrate(db, all, 1);
    expect(tables(db)).toEqual(expect.arrayContaining(['users', 'customers', 'meters', 'tariff_schedules', 'tariff_periods', 'sales', 'outbox', 'audit_log', 'settings', 'schema_migrations']));
    db.prepare(`INSERT INTO audit_log (at, action, details, prev_hash, hash) VALUES ('t', 'x', '{}', 'p', 'h')`).run();
    expect(() => db.prepare(`UPDATE audit_log SET action = 'y'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });

  it('0006 rebuilds sales and meter_commands: every row survives, references hold, settlement is allowed', () => {
    const db = new Database(tmpFile());
    db.pragma('foreign_keys = ON');
    migrate(db, all, 5);
    const t = '2026-01-01T00:00:00.000Z';
    db.prepare(`INSERT INTO users (id, username, display_name, role, pin_hash, created_at) VALUES (1, 'admin', 'Admin', 'admin', 'x', ?)`).run(t);
    db.prepare(`INSERT INTO meters (id, number, kind, schedule_code, created_at) VALUES (1, '202400000001', 'acrel', 'RES', ?)`).run(t);
    const sale = (id: string, no: number, product: string) => db.prepare(
      `INSERT INTO sales (id, receipt_no, user_id, meter_id, meter_number, product, status, payment_method, currency, amount_minor, tendered_minor,
         charged_minor, change_minor, value_minor, quote_json, vendor_ref, print_status, print_count, created_at, updated_at)
       VALUES (?, ?, 1, 1, '202400000001', ?, 'issued', 'cash', 'YER', 500, 600, 500, 100, 500, '{"k":1}', 'ACR-1', 'printed', 2, ?, ?)`).run(id, no, product, t, t);
    sale('s-1', 1, 'acrel_credit');
    expect(() => sale('s-2', 2, 'settlement')).toThrow(/CHECK/);
    db.prepare(`INSERT INTO outbox (topic, key, sale_id, payload_json, next_attempt_at, created_at) VALUES ('headoffice.sale', 's-1', 's-1', '{}', ?, ?)`).run(t, t);
    db.prepare(`INSERT INTO print_jobs (sale_id, copy, status, next_at, created_at, updated_at) VALUES ('s-1', 0, 'printed', ?, ?, ?)`).run(t, t, t);
    db.prepare(`INSERT INTO meter_commands (id, meter_number, meter_kind, kind, params_json, requested_by, created_at, updated_at)
      VALUES ('c-1', '202400000001', 'acrel', 'disconnect', '{"reason":"test"}', 1, ?, ?)`).run(t, t);
    db.prepare(`INSERT INTO outbox (topic, key, payload_json, next_attempt_at, created_at, order_key) VALUES ('acrel.command', 'k-1', ?, ?, ?, 'meter:202400000001')`)
      .run(JSON.stringify({ meterNumber: '202400000001', op: 'setCreditLimit', creditLimitMinor: 700 }), t, t);
    const salesBefore = db.prepare('SELECT * FROM sales').all();
    const commandBefore = db.prepare(`SELECT * FROM meter_commands WHERE id = 'c-1'`).get();

    expect(migrate(db, all, 6)).toEqual([6]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT * FROM sales').all()).toEqual(salesBefore);
    expect(db.prepare(`SELECT * FROM meter_commands WHERE id = 'c-1'`).get()).toEqual(commandBefore);
    const idx = (tbl: string) => (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name`).all(tbl) as { name: string }[]).map((r) => r.name);
    expect(idx('sales')).toEqual(['sales_local', 'sales_meter', 'sales_status']);
    expect(idx('meter_commands')).toEqual(['meter_commands_meter']);
    // References from other tables still hold, and are still enforced.
    expect(db.prepare(`SELECT COUNT(*) AS n FROM outbox o JOIN sales s ON s.id = o.sale_id`).get()).toEqual({ n: 1 });
    expect(() => db.prepare(`INSERT INTO print_jobs (sale_id, copy, status, next_at, created_at, updated_at) VALUES ('nope', 1, 'queued', ?, ?, ?)`).run(t, t, t)).toThrow(/FOREIGN KEY/);
    // A settlement: no token, no energy.
    sale('s-2', 2, 'settlement');
    expect(() => db.prepare(`UPDATE sales SET token = '1234' WHERE id = 's-2'`).run()).toThrow(/CHECK/);
    // The old topic's waiting command now travels the recorded path, same key, same order.
    expect(db.prepare(`SELECT topic, key, order_key, json_extract(payload_json, '$.request.command') AS cmd, json_extract(payload_json, '$.request.creditLimitMinor') AS lim FROM outbox WHERE key = 'k-1'`).get())
      .toEqual({ topic: 'metercmd.set_credit_limit', key: 'k-1', order_key: 'meter:202400000001', cmd: 'set_credit_limit', lim: 700 });
    expect(db.prepare(`SELECT kind, status, requested_by, json_extract(params_json, '$.creditLimitMinor') AS lim FROM meter_commands WHERE id = 'k-1'`).get())
      .toEqual({ kind: 'set_credit_limit', status: 'pending', requested_by: 1, lim: 700 });
    db.close();
  });

  it('a failing migration leaves nothing half-applied', () => {
    const db = new Database(tmpFile());
    const broken = [...all, { version: all.length + 1, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(currentVersion(db)).toBe(all.length);
    expect(tables(db)).not.toContain('half');
    db.close();
  });

  it('refuses a database written by a newer Shahn, and changes nothing', () => {
    const file = tmpFile();
    const db = new Database(file);
    migrate(db, all);
    db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from_the_future', 'x')`).run(all.length + 1);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openDb(file)).toThrow(MigrationError);
    expect(() => openDb(file)).toThrow(/newer Shahn/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('opens with WAL, foreign keys on and durable commits', () => {
    const db = openDb(tmpFile());
    expect(db.write.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.write.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.write.pragma('synchronous', { simple: true })).toBe(2); // FULL
    // @ts-expect-error a read statement has no run(); this checks the readonly open refuses the write at run time as well
    expect(() => db.read.prepare(`INSERT INTO settings VALUES ('k', '1', 't')`).run()).toThrow(/readonly/);
    db.close();
  });
});
