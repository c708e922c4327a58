// Migration 0017 makes sales_local a partial index of the locally made tokens, on (meter_id,
// sts_tid): every row of a full 0016 history survives, a meter's last local TID is still found
// (now from the index alone), a vendor-made sale takes no entry, and the local credit in use is read
// from the messages the head office has not acknowledged — never a walk over the sales.
import { describe, expect, it } from 'vitest';
import type { ReadDb } from '../../../../db/open';
import { lastLocalTid, localCreditInUse } from '../../../../db/repos/sales';
import { applyMigration, expectSurvived, historyAt, rows, snapshot } from '../../../helpers/migration-kit';

const plan = (db: ReturnType<typeof historyAt>, sql: string, ...args: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0017 (partial index of local tokens) on a 0016 database with history', () => {
  it('keeps every row and the answers about local tokens, from smaller indexes', () => {
    const db = historyAt(16);
    const r = db as unknown as ReadDb;
    const before = snapshot(db);
    const meters = rows(db, 'SELECT id FROM meters ORDER BY id').map((m) => (m as { id: number }).id);
    const tids = meters.map((id) => lastLocalTid(r, id));
    expect(tids.some((t) => t !== null)).toBe(true); // the history holds a local token
    // The same credit in use, however it is read: the old query over every local sale.
    const oldInUse = (db.prepare(`SELECT COALESCE(SUM(s.charged_minor), 0) AS m FROM sales s WHERE s.token_source = 'local' AND NOT EXISTS
      (SELECT 1 FROM outbox o WHERE o.sale_id = s.id AND o.topic = 'headoffice.sale' AND o.status = 'done')`).get() as { m: number }).m;

    applyMigration(db, 17);
    expectSurvived(db, before);
    expect(meters.map((id) => lastLocalTid(r, id))).toEqual(tids);
    expect(localCreditInUse(r)).toBe(oldInUse);
    expect(plan(db, `SELECT MAX(sts_tid) AS t FROM sales WHERE token_source = 'local' AND meter_id = ?`, meters[1])).toMatch(/USING COVERING INDEX sales_local \(meter_id=\?\)/);
    // The plan of the statement localCreditInUse runs.
    const ran: string[] = [];
    localCreditInUse({ prepare: (sql: string) => { ran.push(sql); return db.prepare(sql); } } as unknown as ReadDb);
    const inUse = plan(db, ran[0]!);
    expect(inUse).toMatch(/SEARCH o USING INDEX outbox_due \(status=\?\)/);
    expect(inUse).not.toMatch(/SCAN s\b/);
    // Only local tokens are in the index.
    expect(rows(db, `SELECT COUNT(*) AS n FROM sales INDEXED BY sales_local WHERE token_source = 'local'`)).toEqual(rows(db, `SELECT COUNT(*) AS n FROM sales WHERE token_source = 'local'`));
    expect(rows(db, `SELECT sql FROM sqlite_master WHERE name = 'sales_local'`)).toEqual([{ sql: `CREATE INDEX sales_local ON sales(meter_id, sts_tid) WHERE token_source = 'local'` }]);
  });
});
