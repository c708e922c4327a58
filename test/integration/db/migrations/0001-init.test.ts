// Migration 0001 creates the first schema on an empty database. There is no older data to keep,
// so the test is that the schema takes a counter's realistic first history (the one every later
// migration test starts from), hands every value back exactly as written (Arabic text, meter
// numbers with their leading zero, money as integers), and refuses the rows it exists to refuse.
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../main/audit/append';
import { applyMigration, CUSTOMERS, databaseAt, METER, row, rows, saleSpecs, seedHistory, snapshot, tableNames } from '../../../helpers/migration-kit';

describe('migration 0001 (init) on an empty database', () => {
  it('creates the schema, which takes a realistic first history and gives it back unchanged', () => {
    const db = databaseAt(0);
    expect(tableNames(db)).toEqual([]);
    applyMigration(db, 1);
    seedHistory(db, 1);
    const snap = snapshot(db); // refuses an empty table: every table of 0001 took rows
    expect(Object.keys(snap).sort()).toEqual(['audit_log', 'counters', 'customers', 'meters', 'outbox', 'sales', 'settings', 'tariff_periods', 'tariff_schedules', 'users']);

    // Text comes back byte for byte, whatever the script (NFC/NFD is not touched by SQLite).
    expect(rows(db, 'SELECT id, name, name_latin, phone, address FROM customers ORDER BY id')).toEqual(CUSTOMERS.map((c) => ({ ...c })));
    // An STS meter number is TEXT: its leading zero is part of it (and of the token's meter id).
    expect(rows(db, `SELECT number, typeof(number) AS t FROM meters WHERE kind = 'sts' ORDER BY id`))
      .toEqual([{ number: METER.sts1, t: 'text' }, { number: METER.sts2, t: 'text' }]);
    // Money is INTEGER minor units in every money column, and a sale's money adds up.
    expect(row(db, `SELECT COUNT(*) AS n FROM sales WHERE typeof(amount_minor) <> 'integer' OR typeof(charged_minor) <> 'integer'
      OR typeof(tendered_minor) <> 'integer' OR typeof(change_minor) <> 'integer' OR typeof(value_minor) <> 'integer'`)).toEqual({ n: 0 });
    expect(row(db, `SELECT tendered_minor, charged_minor, change_minor, value_minor FROM sales WHERE receipt_no = 1`))
      .toEqual({ tendered_minor: 2_000_000, charged_minor: 1_500_000, change_minor: 500_000, value_minor: 1_490_000 });
    // Every product x status 0001 allows is there, with its receipt number from the counter.
    expect(rows(db, 'SELECT product, status FROM sales ORDER BY receipt_no')).toEqual(saleSpecs(1).map((s) => ({ product: s.product, status: s.status })));
    expect(row(db, `SELECT value FROM counters WHERE name = 'receipt_no'`)).toEqual({ value: saleSpecs(1).length });
    // A price is exact decimal text, never a float that would round a fil away.
    expect(rows(db, 'SELECT price_per_kwh AS p, typeof(price_per_kwh) AS t FROM tariff_periods WHERE schedule_id = 2 ORDER BY idx'))
      .toEqual([{ p: '95.5', t: 'text' }, { p: '130', t: 'text' }]);
    // Defaults a first install relies on.
    expect(row(db, `SELECT locale, failed_attempts, active FROM users WHERE username = 'ADMIN'`)).toEqual({ locale: 'ar', failed_attempts: 0, active: 1 });
    expect(verifyAuditChain(db)).toBeNull();
  });

  it('refuses the rows its constraints exist for', () => {
    const db = databaseAt(0);
    applyMigration(db, 1);
    seedHistory(db, 1);
    const t = '2026-03-04T09:00:00.000Z';
    // A second account whose name differs only in case (usernames are NOCASE).
    expect(() => db.prepare(`INSERT INTO users (username, display_name, role, pin_hash, created_at) VALUES ('Omar', 'عمر', 'cashier', 'x', ?)`).run(t)).toThrow(/UNIQUE/);
    // An STS meter without its key data cannot vend: refused.
    expect(() => db.prepare(`INSERT INTO meters (number, kind, schedule_code, created_at) VALUES ('04000001034', 'sts', 'RES', ?)`).run(t)).toThrow(/CHECK/);
    const sale = db.prepare(`INSERT INTO sales (id, receipt_no, user_id, meter_id, meter_number, product, status, payment_method, currency, amount_minor,
        tendered_minor, charged_minor, change_minor, value_minor, quote_json, token, created_at, updated_at)
      VALUES (?, ?, 3, 1, ?, 'sts_kwh', ?, 'cash', 'YER', ?, ?, ?, ?, ?, '{}', ?, ?, ?)`);
    // Change that does not add up, a zero sale, an issued STS sale without its token.
    expect(() => sale.run('x-1', 101, METER.sts1, 'paid', 100_000, 200_000, 100_000, 50_000, 100_000, null, t, t)).toThrow(/CHECK/);
    expect(() => sale.run('x-2', 102, METER.sts1, 'paid', 0, 0, 0, 0, 0, null, t, t)).toThrow(/CHECK/);
    expect(() => sale.run('x-3', 103, METER.sts1, 'issued', 100_000, 100_000, 100_000, 0, 100_000, null, t, t)).toThrow(/CHECK/);
    // A receipt number is never given twice.
    expect(() => sale.run('x-4', 1, METER.sts1, 'paid', 100_000, 100_000, 100_000, 0, 100_000, null, t, t)).toThrow(/UNIQUE/);
    // The audit rows written with the history cannot be edited or removed.
    expect(() => db.prepare(`UPDATE audit_log SET details = '{}' WHERE action = 'sale.paid'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log WHERE action = 'user.create'`).run()).toThrow(/append-only/);
  });
});
