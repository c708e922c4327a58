// Migration 0012 adds the first run's step log and a user's Latin name. A counter already in
// service (users, sales, an attempt ledger) comes through whole: its users get no Latin name, no
// setup step is invented for it (a user exists, so setup is over whatever the log says), and the
// old settings rows (printer, counter) are untouched.
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../main/audit/append';
import { applyMigration, at, expectSurvived, historyAt, row, rows, snapshot } from '../../../helpers/migration-kit';

describe('migration 0012 (setup) on a 0011 database with history', () => {
  it('keeps every row of every table; old users have no Latin name and no step is recorded', () => {
    const db = historyAt(11);
    const before = snapshot(db);
    applyMigration(db, 12);
    expectSurvived(db, before);
    expect(rows(db, 'SELECT id, display_name_latin FROM users ORDER BY id')).toEqual([1, 2, 3, 4].map((id) => ({ id, display_name_latin: null })));
    expect(rows(db, 'SELECT * FROM setup_steps')).toEqual([]);
    expect(row(db, `SELECT value_json FROM settings WHERE key = 'counter'`)).toEqual({ value_json: JSON.stringify({ name: 'COUNTER-1', nameAr: 'الكاونتر ١', currency: 'YER' }) });
    expect(verifyAuditChain(db)).toBeNull();
  });

  it('accepts the known steps once each and refuses any other', () => {
    const db = historyAt(11);
    applyMigration(db, 12);
    const step = db.prepare('INSERT INTO setup_steps (step, done_at) VALUES (?, ?)');
    step.run('language', at(5));
    step.run('admin', at(5, 1));
    expect(() => step.run('language', at(5, 2))).toThrow(/UNIQUE/);
    expect(() => step.run('payroll', at(5, 3))).toThrow(/CHECK/);
    db.prepare('UPDATE users SET display_name_latin = ? WHERE id = 1').run('System Admin');
    expect(row(db, 'SELECT display_name, display_name_latin FROM users WHERE id = 1')).toEqual({ display_name: 'مدير النظام', display_name_latin: 'System Admin' });
  });
});
