// Migration 0013 only adds an index on print_jobs(sale_id, copy): every row of a full 0012 history
// survives, and counting a sale's copies — the history page asks it for every sale it lists — is
// now an index search, not a scan of every print job ever queued.
import { describe, expect, it } from 'vitest';
import { applyMigration, expectSurvived, historyAt, rows, snapshot } from '../../../helpers/migration-kit';

const plan = (db: ReturnType<typeof historyAt>, sql: string, ...args: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);

describe('migration 0013 (print jobs by sale) on a 0012 database with history', () => {
  it('keeps every row and counts a sale\'s copies through the index', () => {
    const db = historyAt(12);
    const before = snapshot(db);
    const count = 'SELECT COUNT(*) FROM print_jobs p WHERE p.sale_id = ? AND p.copy = 1';
    expect(plan(db, count, 'x').join(' ')).toMatch(/SCAN p\b/);
    applyMigration(db, 13);
    expectSurvived(db, before);
    expect(plan(db, count, 'x').join(' ')).toMatch(/SEARCH p USING COVERING INDEX print_jobs_by_sale \(sale_id=\? AND copy=\?\)/);
    expect(rows(db, `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'print_jobs' ORDER BY name`).map((r) => (r as { name: string }).name))
      .toEqual(['print_jobs_by_sale', 'print_jobs_one_original', 'print_jobs_open']);
  });
});
