// Migration 0004 adds the sealed vending keys, per-meter ordering and a supervisor's resolution
// on the outbox, and an index on sales. Old outbox rows must keep their topic, key, payload,
// status, attempts and errors (a pending delivery lost here is a customer's credit never sent),
// and read the new columns as "no order, not resolved": a message from before 0004 never waited
// for another, and no supervisor had acted on a dead letter.
import { describe, expect, it } from 'vitest';
import { applyMigration, at, expectSurvived, historyAt, rows, snapshot, USER } from '../../../helpers/migration-kit';

describe('migration 0004 (offline vending) on a 0003 database with history', () => {
  it('keeps every row; old outbox messages are unordered and unresolved', () => {
    const db = historyAt(3);
    const before = snapshot(db);
    applyMigration(db, 4);
    expectSurvived(db, before);
    expect(rows(db, 'SELECT id, status, order_key, resolved_at, resolved_by, resolution FROM outbox ORDER BY id')).toEqual([
      { id: 1, status: 'done', order_key: null, resolved_at: null, resolved_by: null, resolution: null },
      { id: 2, status: 'pending', order_key: null, resolved_at: null, resolved_by: null, resolution: null },
      { id: 3, status: 'pending', order_key: null, resolved_at: null, resolved_by: null, resolution: null },
      { id: 4, status: 'pending', order_key: null, resolved_at: null, resolved_by: null, resolution: null },
      { id: 5, status: 'dead', order_key: null, resolved_at: null, resolved_by: null, resolution: null },
    ]);
    expect(rows(db, 'SELECT * FROM vending_keys')).toEqual([]);
  });

  it('lets a supervisor resolve an old dead letter, and keeps one sealed key per (SGC, KRN)', () => {
    const db = historyAt(3);
    applyMigration(db, 4);
    db.prepare(`UPDATE outbox SET resolved_at = ?, resolved_by = ?, resolution = 'refunded' WHERE id = 5`).run(at(4), USER.supervisor);
    expect(rows(db, 'SELECT status, last_error, resolved_by FROM outbox WHERE id = 5')).toEqual([{ status: 'dead', last_error: 'HTTP 422 meter not found', resolved_by: USER.supervisor }]);
    expect(() => db.prepare(`UPDATE outbox SET resolved_by = 42 WHERE id = 2`).run()).toThrow(/FOREIGN KEY/);
    const key = db.prepare(`INSERT INTO vending_keys (sgc, krn, sealed, created_at) VALUES ('600727', ?, 'c2VhbGVk', ?)`);
    key.run(1, at(4));
    key.run(2, at(4));
    expect(() => key.run(1, at(5))).toThrow(/UNIQUE|PRIMARY KEY/);
    // The new indexes exist (the per-sale and per-meter lookups the outbox and local vending use).
    expect(rows(db, `SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('outbox_order', 'outbox_sale', 'sales_local') ORDER BY name`).map((r) => r.name))
      .toEqual(['outbox_order', 'outbox_sale', 'sales_local']);
  });
});
