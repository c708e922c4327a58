// Migration 0016 replaces meters_customer(customer_id) by meters_customer_number(customer_id,
// number): every row of a full 0015 history survives, a customer's meters are still found by the
// index, and their numbers come from the index alone (covering), which the history's customer
// filter relies on.
import { describe, expect, it } from 'vitest';
import { applyMigration, expectSurvived, historyAt, rows, snapshot } from '../../../helpers/migration-kit';

const plan = (db: ReturnType<typeof historyAt>, sql: string, ...args: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0016 (meters by customer and number) on a 0015 database with history', () => {
  it("keeps every row, and reads a customer's meter numbers from the index alone", () => {
    const db = historyAt(15);
    const before = snapshot(db);
    const numbers = 'SELECT number FROM meters WHERE customer_id = ?';
    const whole = 'SELECT * FROM meters WHERE customer_id = ?';
    expect(plan(db, numbers, 1)).toMatch(/SEARCH meters USING INDEX meters_customer \(customer_id=\?\)/);
    const answer = rows(db, `${numbers} ORDER BY number`, 1);
    applyMigration(db, 16);
    expectSurvived(db, before);
    expect(plan(db, numbers, 1)).toMatch(/SEARCH meters USING COVERING INDEX meters_customer_number \(customer_id=\?\)/);
    expect(plan(db, whole, 1)).toMatch(/SEARCH meters USING INDEX meters_customer_number \(customer_id=\?\)/);
    expect(rows(db, `${numbers} ORDER BY number`, 1)).toEqual(answer);
    expect(rows(db, `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'meters' AND name LIKE 'meters_customer%'`)).toEqual([{ name: 'meters_customer_number' }]);
  });
});
