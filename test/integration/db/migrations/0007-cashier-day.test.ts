// Migration 0007 adds shifts, Z reports and approvals, gives sales a shift_id, and BACKFILLS
// customers.search_norm for the customers already on the counter (the search screen only looks at
// that column: a customer whose backfill is wrong can no longer be found by name or phone). Sales
// made before shifts existed keep shift_id NULL: no Z report may claim them after the fact.
import { describe, expect, it } from 'vitest';
import { compactPhone, normalise, normaliseQuery } from '../../../../db/normalize';
import { applyMigration, at, CUSTOMERS, expectSurvived, historyAt, row, rows, snapshot, USER } from '../../../helpers/migration-kit';

describe('migration 0007 (cashier day) on a 0006 database with history', () => {
  it('keeps every row, leaves old sales outside any shift and adds the Z counter at 0', () => {
    const db = historyAt(6);
    const before = snapshot(db);
    applyMigration(db, 7);
    expectSurvived(db, before, { grows: ['counters'] });
    expect(rows(db, 'SELECT shift_id FROM sales WHERE shift_id IS NOT NULL')).toEqual([]);
    expect(rows(db, 'SELECT name, value FROM counters ORDER BY name')).toEqual([{ name: 'receipt_no', value: 11 }, { name: 'z_no', value: 0 }]);
    expect(rows(db, 'SELECT updated_at FROM customers WHERE updated_at IS NOT NULL')).toEqual([]);
  });

  it('backfills every old customer\'s search column so the search screen finds them', () => {
    const db = historyAt(6);
    applyMigration(db, 7);
    // Spelled out for two customers (hamza, damma, taa marbuta, alif maqsura, Arabic-Indic digits,
    // spaces and dashes in a phone, Latin upper case)...
    expect(row(db, 'SELECT search_norm FROM customers WHERE id = 1')).toEqual({ search_norm: 'احمد عبدالله الحديدي ahmed abdullah al-hudaydi +967777123456' });
    expect(row(db, 'SELECT search_norm FROM customers WHERE id = 2')).toEqual({ search_norm: 'فاطمه مصطفي  771234567' });
    // ...and for all: exactly what the app's own normalisation makes of name, Latin name and phone.
    expect(rows(db, 'SELECT id, search_norm FROM customers ORDER BY id')).toEqual(
      CUSTOMERS.map((c) => ({ id: c.id, search_norm: normalise(`${c.name} ${c.name_latin ?? ''} ${compactPhone(c.phone ?? '')}`) })));
    // What a cashier types finds them (the substring LIKE of main/customers/customers.ts).
    const find = (typed: string) => rows(db, `SELECT id FROM customers WHERE search_norm LIKE '%' || ? || '%' ORDER BY id`, normaliseQuery(typed)).map((r) => r.id);
    expect(find('احمد عبدالله')).toEqual([1]);
    expect(find('الحديدي')).toEqual([1]);
    expect(find('مكة')).toEqual([4]);
    expect(find('٧٧١ ٢٣٤ ٥٦٧')).toEqual([2]); // typed in Arabic-Indic digits, with spaces
    expect(find("o'brien")).toEqual([3]);
    // An old customer edited after the upgrade is re-normalised by the trigger.
    db.prepare(`UPDATE customers SET phone = '+967 733 000-111' WHERE id = 3`).run();
    expect(row(db, 'SELECT search_norm FROM customers WHERE id = 3')).toEqual({ search_norm: "o'brien trading co. o'brien trading co. +967733000111" });
  });

  it('lets an old sale join a shift once, never to move again', () => {
    const db = historyAt(6);
    applyMigration(db, 7);
    db.prepare(`INSERT INTO shifts (id, user_id, counter, float_minor, opened_at, opened_by) VALUES (1, ?, 'COUNTER-1', 5000000, ?, ?)`).run(USER.cashier, at(4), USER.cashier);
    db.prepare(`INSERT INTO shifts (id, user_id, counter, float_minor, opened_at, opened_by) VALUES (2, ?, 'COUNTER-2', 0, ?, ?)`).run(USER.supervisor, at(4), USER.supervisor);
    db.prepare(`UPDATE sales SET shift_id = 1 WHERE receipt_no = 3`).run();
    expect(() => db.prepare(`UPDATE sales SET shift_id = 2 WHERE receipt_no = 3`).run()).toThrow(/never changes shift/);
    expect(() => db.prepare(`UPDATE sales SET shift_id = NULL WHERE receipt_no = 3`).run()).toThrow(/never changes shift/);
    expect(() => db.prepare(`UPDATE sales SET shift_id = 99 WHERE receipt_no = 4`).run()).toThrow(/FOREIGN KEY/);
    // Everything else about an old sale still takes its outcome as before (0007 adds no freeze).
    db.prepare(`UPDATE sales SET status = 'issued', vendor_ref = 'ACR-LATE-1' WHERE receipt_no = 7`).run();
    expect(row(db, 'SELECT status, shift_id FROM sales WHERE receipt_no = 7')).toEqual({ status: 'issued', shift_id: null });
  });
});
