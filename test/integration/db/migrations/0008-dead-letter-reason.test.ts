// Migration 0008 adds three nullable columns to the outbox for a refusal's bilingual reason. A
// dead letter from before 0008 keeps its free-text last_error (the only reason it has) and reads
// the new columns as NULL: inventing a reason for it would show a supervisor something the vendor
// never said. Every other row of every table is untouched.
import { describe, expect, it } from 'vitest';
import { applyMigration, at, expectSurvived, historyAt, REFUSED, row, rows, snapshot } from '../../../helpers/migration-kit';

describe('migration 0008 (dead-letter reason) on a 0007 database with history', () => {
  it('keeps every row; old messages, dead or alive, have no recorded reason', () => {
    const db = historyAt(7);
    const before = snapshot(db);
    applyMigration(db, 8);
    expectSurvived(db, before);
    expect(rows(db, 'SELECT id, dead_code, dead_message_json, dead_at FROM outbox WHERE dead_code IS NOT NULL OR dead_message_json IS NOT NULL OR dead_at IS NOT NULL')).toEqual([]);
    expect(row(db, `SELECT status, last_error, resolution FROM outbox WHERE id = 5`)).toEqual({ status: 'dead', last_error: 'HTTP 422 meter not found', resolution: 'refunded' });
  });

  it('records the reason when an old pending message is later refused', () => {
    const db = historyAt(7);
    applyMigration(db, 8);
    db.prepare(`UPDATE outbox SET status = 'dead', dead_code = ?, dead_message_json = ?, dead_at = ? WHERE id = 2`)
      .run(REFUSED.code, JSON.stringify({ en: REFUSED.en, ar: REFUSED.ar }), at(4));
    expect(row(db, `SELECT status, attempts, last_error, dead_code, json_extract(dead_message_json, '$.ar') AS ar FROM outbox WHERE id = 2`))
      .toEqual({ status: 'dead', attempts: 4, last_error: 'connect ECONNREFUSED 10.0.0.5:443', dead_code: REFUSED.code, ar: REFUSED.ar });
  });
});
