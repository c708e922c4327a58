// Migration 0009 fills the STS token ledger from history, RAISES meters.sts_last_tid where an
// engineering code had gone past it, and adds triggers that freeze settled sales and sale money.
// test/integration/db/migration-0009.test.ts checks the ledger it builds (TID collisions, repeated
// engineering codes). This file checks what the migration must NOT change on a full counter
// history (every sale, shift, Z report, print job, outbox and audit row; every meter column but
// the one it raises) and that the new triggers leave the old open sales able to finish.
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../main/audit/append';
import { applyMigration, at, expectSurvived, historyAt, row, rows, snapshot, tidAt } from '../../../helpers/migration-kit';

const SALE = (n: number) => `a1f0c3e2-${String(n).padStart(4, '0')}-4b1e-9c55-${String(n).padStart(12, '0')}`;

describe('migration 0009 (token invariants) on a 0008 database with history', () => {
  it('keeps every row; only the last TID of a meter an engineering code went past is raised', () => {
    const db = historyAt(8);
    const before = snapshot(db);
    applyMigration(db, 9);
    expectSurvived(db, before, { changedColumns: { meters: ['sts_last_tid'] } });
    expect(rows(db, 'SELECT number, sts_last_tid FROM meters ORDER BY id')).toEqual([
      { number: '04000001018', sts_last_tid: tidAt(2, 45) }, // raised past the clear-tamper code
      { number: '04000001026', sts_last_tid: tidAt(2, 41) }, // already past its one token: unchanged
      { number: '202400000001', sts_last_tid: null },
      { number: '202400000002', sts_last_tid: null },
    ]);
    // Every token already issued holds its slot, pointing at its own unchanged sale.
    expect(rows(db, `SELECT s.receipt_no, t.tid = s.sts_tid AS same, t.source = s.token_source AS src FROM issued_tokens t JOIN sales s ON s.id = t.sale_id ORDER BY s.receipt_no`))
      .toEqual([{ receipt_no: 1, same: 1, src: 1 }, { receipt_no: 2, same: 1, src: 1 }]);
    expect(verifyAuditChain(db)).toBeNull();
  });

  it('freezes the old settled sales and lets the old open ones take their outcome', () => {
    const db = historyAt(8);
    applyMigration(db, 9);
    // Settled before the upgrade (issued / failed): status, token and money are now fixed.
    expect(() => db.prepare(`UPDATE sales SET token = '11111111111111111111' WHERE id = ?`).run(SALE(1))).toThrow(/settled sale/);
    expect(() => db.prepare(`UPDATE sales SET status = 'issued' WHERE id = ?`).run(SALE(5))).toThrow(/settled sale/);
    expect(() => db.prepare(`UPDATE sales SET charged_minor = 0, change_minor = 2000000 WHERE id = ?`).run(SALE(1))).toThrow(/fixed when it is paid/);
    // ...but printing and the vendor reference are not frozen.
    db.prepare(`UPDATE sales SET print_status = 'printed', print_count = print_count + 1 WHERE id = ?`).run(SALE(1));

    // The old 'unknown' STS sale learns its token: the TID goes into the ledger first, then the sale.
    const late = tidAt(4, 10);
    expect(() => db.prepare(`UPDATE sales SET status = 'issued', token = '48201937460518273645', token_source = 'vendor', sts_tid = ? WHERE id = ?`).run(late, SALE(4)))
      .toThrow(/ledger/);
    db.prepare(`INSERT INTO issued_tokens (meter_id, tid, kind, source, sale_id, issued_at) VALUES (2, ?, 'credit', 'vendor', ?, ?)`).run(late, SALE(4), at(4, 10));
    db.prepare(`UPDATE sales SET status = 'issued', token = '48201937460518273645', token_source = 'vendor', sts_tid = ? WHERE id = ?`).run(late, SALE(4));
    // The old pending cloud sale and the old paid one still settle.
    db.prepare(`UPDATE sales SET status = 'issued', vendor_ref = 'ACR-LATE-7' WHERE id = ?`).run(SALE(7));
    db.prepare(`UPDATE sales SET status = 'failed', error_code = 'VENDOR_REFUSED' WHERE id = ?`).run(SALE(3));
    expect(rows(db, `SELECT receipt_no, status FROM sales WHERE receipt_no IN (3, 4, 7) ORDER BY receipt_no`))
      .toEqual([{ receipt_no: 3, status: 'failed' }, { receipt_no: 4, status: 'issued' }, { receipt_no: 7, status: 'issued' }]);
    // The TID of the engineering code from before the upgrade is taken: nothing reissues it.
    expect(() => db.prepare(`INSERT INTO issued_tokens (meter_id, tid, kind, source, request_id, issued_at) VALUES (1, ?, 'engineering', 'local', 'r-9', ?)`).run(tidAt(2, 45), at(4)))
      .toThrow(/UNIQUE/);
    expect(row(db, 'SELECT COUNT(*) AS n FROM issued_tokens')).toEqual({ n: 4 });
  });
});
