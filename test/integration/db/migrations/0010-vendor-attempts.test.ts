// Migration 0010 adds the vendor attempt ledger and writes a 'legacy' attempt for each STS sale
// still waiting (paid or unknown) when it runs. It alters no existing table; what it must not do
// is touch one, nor give an attempt to a sale that is settled, cloud credit or a settlement (that
// would hold its verdict a whole acceptance window for nothing). The attempt's timing itself is
// checked in test/integration/db/migration-0010.test.ts; this file checks a full 0009 history
// (token ledger, shifts, Z report, dead letters with reasons) comes through whole.
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../main/audit/append';
import { applyMigration, at, expectSurvived, historyAt, row, rows, snapshot } from '../../../helpers/migration-kit';

describe('migration 0010 (vendor attempts) on a 0009 database with history', () => {
  it('keeps every row of every table and gives only the waiting STS sales a legacy attempt', () => {
    const db = historyAt(9);
    const before = snapshot(db);
    applyMigration(db, 10);
    expectSurvived(db, before);
    expect(rows(db, `SELECT s.receipt_no, s.product, s.status, a.operation, a.endpoint_id, a.timeout_ms, a.connected, a.ended_at_ms
        FROM vendor_attempts a JOIN sales s ON s.id = a.idempotency_key ORDER BY s.receipt_no`)).toEqual([
      { receipt_no: 3, product: 'sts_kwh', status: 'paid', operation: 'legacy', endpoint_id: null, timeout_ms: 0, connected: null, ended_at_ms: null },
      { receipt_no: 4, product: 'sts_kwh', status: 'unknown', operation: 'legacy', endpoint_id: null, timeout_ms: 0, connected: null, ended_at_ms: null },
    ]);
    expect(row(db, 'SELECT COUNT(*) AS n FROM vendor_attempts')).toEqual({ n: 2 });
    expect(rows(db, 'SELECT * FROM vendor_endpoints')).toEqual([]);
    expect(verifyAuditChain(db)).toBeNull();
  });

  it('keeps the 0009 guards on the old rows', () => {
    const db = historyAt(9);
    applyMigration(db, 10);
    // The token ledger carried over is still append-only, the settled sales still frozen.
    expect(() => db.prepare('DELETE FROM issued_tokens').run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE sales SET status = 'failed' WHERE receipt_no = 1`).run()).toThrow(/settled sale/);
    // A new attempt for an old waiting sale refers to a real endpoint or none.
    const attempt = db.prepare(`INSERT INTO vendor_attempts (idempotency_key, endpoint_id, operation, signed_at_ms, timeout_ms, not_after_ms, created_at)
      VALUES ('a1f0c3e2-0004-4b1e-9c55-000000000004', ?, 'verifyCharge', 1772611200000, 15000, 1772611215000, ?)`);
    expect(() => attempt.run(7, at(4))).toThrow(/FOREIGN KEY/);
    db.prepare(`INSERT INTO vendor_endpoints (id, vendor, fingerprint, base_url, merchant_id, sealed_json, created_at) VALUES (7, 'sts', 'hmac-1', 'https://vend.example', 'M-0042', '{}', ?)`).run(at(4));
    attempt.run(7, at(4));
    expect(row(db, `SELECT COUNT(*) AS n FROM vendor_attempts WHERE idempotency_key = 'a1f0c3e2-0004-4b1e-9c55-000000000004'`)).toEqual({ n: 2 });
  });
});
