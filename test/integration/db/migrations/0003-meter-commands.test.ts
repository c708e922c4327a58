// Migration 0003 adds meter_commands (a supervisor's relay commands) and touches no existing
// table. Its risk to old data is nil by construction, which is exactly what is checked: every row
// of every 0002 table survives, no row appears anywhere, and the new table's references work
// against the meters and users already on the counter.
import { describe, expect, it } from 'vitest';
import { applyMigration, at, expectSurvived, historyAt, METER, rows, snapshot, USER } from '../../../helpers/migration-kit';

describe('migration 0003 (meter commands) on a 0002 database with history', () => {
  it('keeps every row, and commands reference the meters and users already there', () => {
    const db = historyAt(2);
    const before = snapshot(db);
    applyMigration(db, 3);
    expectSurvived(db, before);
    expect(rows(db, 'SELECT * FROM meter_commands')).toEqual([]);

    const cmd = db.prepare(`INSERT INTO meter_commands (id, meter_number, meter_kind, kind, params_json, status, error_code, requested_by, created_at, updated_at)
      VALUES (?, ?, 'acrel', ?, '{}', ?, ?, ?, ?, ?)`);
    cmd.run('cmd-1', METER.acrel1, 'disconnect', 'pending', null, USER.supervisor, at(4), at(4));
    // References by meter NUMBER (the old meters' UNIQUE column) and by user id.
    expect(() => cmd.run('cmd-2', '202499999999', 'disconnect', 'pending', null, USER.supervisor, at(4), at(4))).toThrow(/FOREIGN KEY/);
    expect(() => cmd.run('cmd-3', METER.acrel1, 'reconnect', 'pending', null, 42, at(4), at(4))).toThrow(/FOREIGN KEY/);
    // Payment-mode commands only arrive with 0006; a failure always says why.
    expect(() => cmd.run('cmd-4', METER.acrel1, 'set_credit_limit', 'pending', null, USER.admin, at(4), at(4))).toThrow(/CHECK/);
    expect(() => cmd.run('cmd-5', METER.acrel1, 'turn_off', 'failed', null, USER.admin, at(4), at(4))).toThrow(/CHECK/);
    // A meter with commands cannot lose its number from under them.
    expect(() => db.prepare(`UPDATE meters SET number = '202400000009' WHERE number = ?`).run(METER.acrel1)).toThrow(/FOREIGN KEY/);
  });
});
