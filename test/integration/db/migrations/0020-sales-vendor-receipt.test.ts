// Migration 0020 adds to sales the receipt a vending server that breaks down the sale itself
// (XMLVend) sends: written with the outcome, never at insert, never changed once the sale is settled.
import { describe, expect, it } from 'vitest';
import type { ReadDb, WriteDb } from '../../../../db/open';
import { getSale, setOutcome } from '../../../../db/repos/sales';
import type { VendorReceipt } from '../../../../preload/contract';
import { applyMigration, at, expectSurvived, historyAt, row, rows, snapshot } from '../../../helpers/migration-kit';

const V = 20;

const receipt: VendorReceipt = {
  protocol: 'xmlvend',
  receiptNo: '000000000000093',
  tariffName: 'MANTSOPA-TG2(FBE)',
  tokens: [
    { kind: 'kct1', digits: '08248409797159869462', energyTenths: null },
    { kind: 'kct2', digits: '40560120821047291786', energyTenths: null },
    { kind: 'credit', digits: '54209344103876518428', energyTenths: 710 },
  ],
  lines: [{ type: 'CreditVendTx', desc: null, minor: 7826 }, { type: 'VAT', desc: null, minor: 1174 }],
};

describe(`migration ${V} (a server's own receipt on the sale) on a database with history`, () => {
  it('keeps every row; old sales have no server receipt and read as before', () => {
    const db = historyAt(V - 1);
    const before = snapshot(db);
    const ids = rows(db, 'SELECT id FROM sales ORDER BY receipt_no').map((r) => (r as { id: string }).id);
    const sales = ids.map((id) => getSale(db as unknown as ReadDb, id));
    applyMigration(db, V);
    expectSurvived(db, before);
    expect(rows(db, 'SELECT COUNT(*) AS n FROM sales WHERE vendor_receipt_json IS NOT NULL')).toEqual([{ n: 0 }]);
    expect(ids.map((id) => getSale(db as unknown as ReadDb, id))).toEqual(sales);
  });

  it('takes the receipt with the outcome only, as valid JSON, and never changes it once settled', () => {
    const db = historyAt(V - 1);
    applyMigration(db, V);
    const w = db as unknown as WriteDb;
    const open = row(db, `SELECT id FROM sales WHERE status IN ('paid', 'unknown') AND product = 'sts_kwh' LIMIT 1`) as { id: string };
    expect(() => db.prepare(`UPDATE sales SET vendor_receipt_json = 'not json' WHERE id = ?`).run(open.id)).toThrow(/CHECK/);
    setOutcome(w, open.id, { status: 'issued', token: '54209344103876518428', tokenSource: 'vendor', vendorRef: '000000000000093', keyChangeTokens: ['08248409797159869462', '40560120821047291786'], vendorReceipt: receipt }, at(5));
    expect(getSale(db as unknown as ReadDb, open.id)?.vendorReceipt).toEqual(receipt);
    expect(() => db.prepare(`UPDATE sales SET vendor_receipt_json = '{}' WHERE id = ?`).run(open.id)).toThrow(/never changes its tokens/);
    // A new sale is inserted paid and without any token or server receipt.
    const cols = rows(db, 'PRAGMA table_info(sales)').map((c) => (c as { name: string }).name);
    expect(cols).toContain('vendor_receipt_json');
    const anyRow = row(db, 'SELECT * FROM sales LIMIT 1') as Record<string, unknown>;
    const insert = { ...anyRow, id: '00000000-0000-4000-8000-000000000001', receipt_no: 999_999, status: 'paid', token: null, token_source: null, sts_tid: null, key_change_tokens: null, vendor_receipt_json: JSON.stringify(receipt) };
    const names = Object.keys(insert);
    expect(() => db.prepare(`INSERT INTO sales (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((n) => insert[n as keyof typeof insert])))
      .toThrow(/inserted paid and without a token/);
  });
});
