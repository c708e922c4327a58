// Migration 0015 only rebuilds three sales indexes wider (created_at, status, shift_id, each now
// ending in created_at, receipt_no) and adds one by cashier: every row of a full 0014 history
// survives, the queries that used the old indexes still use them by their prefix, and a page of
// history in the screen's order comes from an index in that order instead of sorting every match.
import { describe, expect, it } from 'vitest';
import { applyMigration, expectSurvived, historyAt, rows, snapshot, USER } from '../../../helpers/migration-kit';

const plan = (db: ReturnType<typeof historyAt>, sql: string, ...args: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');
const page = (where: string) => `SELECT id FROM sales s WHERE ${where} ORDER BY s.created_at DESC, s.receipt_no DESC LIMIT 16`;

describe('migration 0015 (sales history indexes) on a 0014 database with history', () => {
  it('keeps every row; a page by cashier, status or shift reads its index in page order', () => {
    const db = historyAt(14);
    const before = snapshot(db);
    const byCashier = page('s.user_id = ?');
    const byStatusAndDay = page(`s.status = ? AND s.created_at >= ? AND s.created_at < ?`);
    const byShift = page('s.shift_id = ?');
    const day = ['issued', '2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z'];
    // Before: no cashier index (a scan of every sale), and the others hand every match to a sort.
    expect(plan(db, byCashier, USER.cashier)).toBe('SCAN s | USE TEMP B-TREE FOR ORDER BY');
    // (every sale of that status, 'issued' being nearly all of them, sorted; the day's bounds only filter)
    expect(plan(db, byStatusAndDay, ...day)).toBe('SEARCH s USING INDEX sales_status (status=?) | USE TEMP B-TREE FOR ORDER BY');
    expect(plan(db, byShift, 1)).toBe('SEARCH s USING INDEX sales_shift (shift_id=?) | USE TEMP B-TREE FOR ORDER BY');
    const byDay = rows(db, 'SELECT id FROM sales WHERE created_at >= ? AND created_at < ? ORDER BY id', day[1], day[2]);

    applyMigration(db, 15);
    expectSurvived(db, before);
    expect(plan(db, byCashier, USER.cashier)).toBe('SEARCH s USING INDEX sales_user (user_id=?)');
    expect(plan(db, byStatusAndDay, ...day)).toBe('SEARCH s USING INDEX sales_status (status=? AND created_at>? AND created_at<?)');
    expect(plan(db, byShift, 1)).toBe('SEARCH s USING INDEX sales_shift (shift_id=?)');
    // The older readers keep their indexes: a shift's totals, the open sales, a day's sales.
    expect(plan(db, 'SELECT COUNT(*) FROM sales WHERE shift_id = ?', 1)).toMatch(/USING COVERING INDEX sales_shift \(shift_id=\?\)/);
    expect(plan(db, `SELECT id FROM sales WHERE status IN ('paid', 'unknown')`)).toMatch(/USING INDEX sales_status \(status=\?\)/);
    expect(plan(db, 'SELECT id FROM sales WHERE created_at >= ? AND created_at < ?', day[1], day[2])).toMatch(/USING INDEX sales_created \(created_at>\? AND created_at<\?\)/);
    expect(rows(db, 'SELECT id FROM sales WHERE created_at >= ? AND created_at < ? ORDER BY id', day[1], day[2])).toEqual(byDay);
    expect(rows(db, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sales' AND sql IS NOT NULL ORDER BY name`)).toEqual([
      { name: 'sales_created', sql: 'CREATE INDEX sales_created ON sales(created_at, receipt_no)' },
      { name: 'sales_local', sql: 'CREATE INDEX sales_local ON sales(token_source, meter_id)' },
      { name: 'sales_meter', sql: 'CREATE INDEX sales_meter ON sales(meter_number, created_at)' },
      { name: 'sales_shift', sql: 'CREATE INDEX sales_shift ON sales(shift_id, created_at, receipt_no)' },
      { name: 'sales_status', sql: 'CREATE INDEX sales_status ON sales(status, created_at, receipt_no)' },
      { name: 'sales_user', sql: 'CREATE INDEX sales_user ON sales(user_id, created_at, receipt_no)' },
    ]);
  });
});
