// Migration 0005 adds print_jobs and touches no existing table. The sales it points at are the old
// ones: every row of every table must survive, and a receipt of a sale made before the upgrade
// can be queued (an original, then reprints), with one original per sale held by the index.
import { describe, expect, it } from 'vitest';
import { applyMigration, at, expectSurvived, historyAt, row, rows, snapshot, USER } from '../../../helpers/migration-kit';

describe('migration 0005 (print jobs) on a 0004 database with history', () => {
  it('keeps every row, and old sales take print jobs with one original each', () => {
    const db = historyAt(4);
    const before = snapshot(db);
    applyMigration(db, 5);
    expectSurvived(db, before);
    expect(rows(db, 'SELECT * FROM print_jobs')).toEqual([]);

    const old = 'a1f0c3e2-0001-4b1e-9c55-000000000001'; // issued and printed twice before 0005
    const job = db.prepare(`INSERT INTO print_jobs (sale_id, copy, status, requested_by, next_at, created_at, updated_at) VALUES (?, ?, 'queued', ?, ?, ?, ?)`);
    job.run(old, 0, null, at(4), at(4), at(4));
    job.run(old, 1, USER.supervisor, at(4), at(4), at(4));
    job.run(old, 1, USER.supervisor, at(4, 1), at(4, 1), at(4, 1));
    expect(() => job.run(old, 0, null, at(4, 2), at(4, 2), at(4, 2))).toThrow(/UNIQUE/);
    expect(() => job.run('no-such-sale', 0, null, at(4), at(4), at(4))).toThrow(/FOREIGN KEY/);
    // Queuing receipts does not touch the sale's own print record.
    expect(row(db, 'SELECT print_status, print_count FROM sales WHERE id = ?', old)).toEqual({ print_status: 'printed', print_count: 2 });
  });
});
