// Migration 0021 adds the master-data pull's state (one row, cursor 0) and the head office's key on
// customers and users: every existing row keeps its values and has none (made at this counter).
import { describe, expect, it } from 'vitest';
import { applyMigration, expectSurvived, historyAt, rows, snapshot } from '../../../helpers/migration-kit';

const V = 21;

describe(`migration ${V} (master data from the head office) on a database with history`, () => {
  it('keeps every row; nothing is the head office\'s yet; the pull starts at cursor 0, not enrolled', () => {
    const db = historyAt(V - 1);
    const before = snapshot(db);
    applyMigration(db, V);
    expectSurvived(db, before);
    expect(rows(db, 'SELECT id, cursor, enrolled_at, last_pull_at, error_json FROM master_data_sync')).toEqual([{ id: 1, cursor: 0, enrolled_at: null, last_pull_at: null, error_json: null }]);
    expect(rows(db, 'SELECT COUNT(*) AS n FROM customers WHERE ho_key IS NOT NULL')).toEqual([{ n: 0 }]);
    expect(rows(db, 'SELECT COUNT(*) AS n FROM users WHERE ho_key IS NOT NULL')).toEqual([{ n: 0 }]);
  });

  it('holds one state row, a head-office key once, and only valid JSON errors', () => {
    const db = historyAt(V - 1);
    applyMigration(db, V);
    expect(() => db.prepare('INSERT INTO master_data_sync (id) VALUES (2)').run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE master_data_sync SET error_json = 'oops'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE master_data_sync SET cursor = -1').run()).toThrow(/CHECK/);
    const [a, b] = rows(db, 'SELECT id FROM customers ORDER BY id LIMIT 2') as { id: number }[];
    db.prepare(`UPDATE customers SET ho_key = 'C-1' WHERE id = ?`).run(a!.id);
    expect(() => db.prepare(`UPDATE customers SET ho_key = 'C-1' WHERE id = ?`).run(b!.id)).toThrow(/UNIQUE/);
    const [u1, u2] = rows(db, 'SELECT id FROM users ORDER BY id LIMIT 2') as { id: number }[];
    db.prepare(`UPDATE users SET ho_key = 'amal@1' WHERE id = ?`).run(u1!.id);
    expect(() => db.prepare(`UPDATE users SET ho_key = 'amal@1' WHERE id = ?`).run(u2!.id)).toThrow(/UNIQUE/);
  });
});
