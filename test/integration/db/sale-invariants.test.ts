// Issue 12 item 7: the money invariants hold in the database itself, whoever writes the row. Raw
// SQL through better-sqlite3, the way a bug, a script or a hand edit would write it: a settled
// sale keeps its status, token and TID; a sale keeps the money it was paid with; a sale starts paid
// without a token; a token's TID is used once per meter, the ledger is append-only and a sale's
// TID must be in it. What the flows still do to sales (settling an open sale, printing, shifts,
// vendor references) is allowed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/open';

let db: Db;
const T = '2026-03-01T10:00:00.000Z';
let receipt = 0;

function sale(id: string, status: string, tok?: { tid: number; source: 'vendor' | 'local' }, product = 'sts_kwh') {
  const w = db.write;
  w.prepare(
    `INSERT INTO sales (id, receipt_no, user_id, meter_id, meter_number, product, status, payment_method, currency, amount_minor, tendered_minor,
       charged_minor, change_minor, value_minor, energy_tenths, est_energy_tenths, quote_json, created_at, updated_at)
     VALUES (?, ?, 1, 1, '04000001018', ?, 'paid', 'cash', 'YER', 1500, 2000, 1500, 500, 1500, 125, 125, '{"amountMinor":1500}', ?, ?)`,
  ).run(id, ++receipt, product, T, T);
  if (tok) {
    w.prepare(`INSERT INTO issued_tokens (meter_id, tid, kind, source, sale_id, issued_at) VALUES (1, ?, 'credit', ?, ?, ?)`).run(tok.tid, tok.source, id, T);
    w.prepare(`UPDATE sales SET token = ?, token_source = ?, sts_tid = ? WHERE id = ?`).run(String(tok.tid).padStart(20, '0'), tok.source, tok.tid, id);
  }
  if (status !== 'paid') w.prepare('UPDATE sales SET status = ? WHERE id = ?').run(status, id);
}
const run = (sql: string, ...args: unknown[]) => () => db.write.prepare(sql).run(...args);

beforeEach(() => {
  db = openDb(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-inv-')), 'db.sqlite'));
  db.write.prepare(`INSERT INTO users (id, username, display_name, role, pin_hash, created_at) VALUES (1, 'c', 'C', 'cashier', 'x', ?)`).run(T);
  const m = db.write.prepare(`INSERT INTO meters (id, number, kind, schedule_code, sts_sgc, sts_ti, sts_krn, sts_key_type, sts_base_date, created_at)
    VALUES (?, ?, 'sts', 'RES', '123456', '01', 1, 2, 2014, ?)`);
  m.run(1, '04000001018', T);
  m.run(2, '04000001026', T);
  sale('issued', 'issued', { tid: 100, source: 'local' });
  sale('failed', 'failed');
});
afterEach(() => db.close());

describe('a settled sale (issued or failed)', () => {
  it.each([
    ['its token', `UPDATE sales SET token = '99999999999999999999' WHERE id = 'issued'`],
    ['its token, to nothing', `UPDATE sales SET token = NULL WHERE id = 'issued'`],
    ['its TID', `UPDATE sales SET sts_tid = 101 WHERE id = 'issued'`],
    ['where its token came from', `UPDATE sales SET token_source = 'vendor' WHERE id = 'issued'`],
    ['issued back to unknown', `UPDATE sales SET status = 'unknown' WHERE id = 'issued'`],
    ['issued back to paid', `UPDATE sales SET status = 'paid', token = NULL WHERE id = 'issued'`],
    ['issued to failed', `UPDATE sales SET status = 'failed' WHERE id = 'issued'`],
    ['failed to issued (money handed back)', `UPDATE sales SET status = 'issued' WHERE id = 'failed'`],
    ['a token on a failed sale', `UPDATE sales SET token = '12345678901234567890' WHERE id = 'failed'`],
  ])('refuses changing %s', (_what, sql) => {
    expect(run(sql)).toThrow(/settled sale/);
  });

  it('still takes what printing, shifts and late references write', () => {
    run(`UPDATE sales SET print_status = 'printed', print_count = print_count + 1, updated_at = ? WHERE id = 'issued'`, T)();
    run(`UPDATE sales SET vendor_ref = 'STS-1', error_code = NULL, error_message_json = NULL WHERE id = 'issued'`)();
    run(`UPDATE sales SET print_status = 'failed' WHERE id = 'failed'`)();
    // Writing the same values again (COALESCE-style updates) is not a change.
    run(`UPDATE sales SET status = 'issued', token = token, sts_tid = 100 WHERE id = 'issued'`)();
    db.write.prepare(`INSERT INTO shifts (id, user_id, counter, float_minor, opened_at, opened_by) VALUES (1, 1, 'c1', 0, ?, 1)`).run(T);
    run(`UPDATE sales SET shift_id = 1 WHERE id = 'issued'`)();
    expect(db.write.prepare(`SELECT print_count, vendor_ref, shift_id FROM sales WHERE id = 'issued'`).get()).toEqual({ print_count: 1, vendor_ref: 'STS-1', shift_id: 1 });
  });
});

describe('the money of a sale', () => {
  it.each(['amount_minor = 1', 'tendered_minor = 1600, change_minor = 100', 'charged_minor = 1000, change_minor = 1000', 'value_minor = 1',
    'energy_tenths = 999', 'est_energy_tenths = 999', `currency = 'SAR'`, `quote_json = '{"amountMinor":1}'`])('never changes once paid, whatever the status (%s)', (set) => {
    sale('open', 'unknown');
    for (const id of ['issued', 'failed', 'open']) expect(run(`UPDATE sales SET ${set} WHERE id = ?`, id)).toThrow(/amounts/);
  });
});

describe('an open sale (paid, pending, unknown)', () => {
  it('is settled the ways the flows settle it', () => {
    sale('p', 'paid');
    sale('u', 'unknown');
    sale('u2', 'unknown');
    sale('pe', 'pending', undefined, 'acrel_credit'); // money credit: issued without a token
    db.write.prepare(`INSERT INTO issued_tokens (meter_id, tid, kind, source, sale_id, issued_at) VALUES (1, 101, 'credit', 'vendor', 'u', ?)`).run(T);
    run(`UPDATE sales SET status = 'issued', token = '11111111111111111111', token_source = 'vendor', sts_tid = 101 WHERE id = 'u'`)();
    run(`UPDATE sales SET status = 'failed', error_code = 'NOT_VENDED' WHERE id = 'u2'`)();
    run(`UPDATE sales SET status = 'issued', vendor_ref = 'ACR-1' WHERE id = 'pe'`)();
    run(`UPDATE sales SET status = 'unknown' WHERE id = 'p'`)();
    expect((db.write.prepare(`SELECT id, status FROM sales ORDER BY receipt_no`).all() as { id: string; status: string }[]).map((r) => `${r.id}:${r.status}`))
      .toEqual(['issued:issued', 'failed:failed', 'p:unknown', 'u:issued', 'u2:failed', 'pe:issued']);
  });

  it('is inserted paid and without a token', () => {
    const insert = (status: string, token: string | null, tid: number | null) => run(
      `INSERT INTO sales (id, receipt_no, user_id, meter_id, meter_number, product, status, payment_method, currency, amount_minor, tendered_minor,
         charged_minor, change_minor, value_minor, quote_json, token, token_source, sts_tid, created_at, updated_at)
       VALUES ('x', 99, 1, 1, '04000001018', 'sts_kwh', ?, 'cash', 'YER', 1, 1, 1, 0, 1, '{}', ?, 'vendor', ?, ?, ?)`, status, token, tid, T, T);
    expect(insert('issued', '12345678901234567890', 300)).toThrow(/inserted paid/);
    expect(insert('paid', null, 300)).toThrow(/inserted paid/);
    expect(insert('failed', null, null)).toThrow(/inserted paid/);
  });

  it('cannot take a TID that is not in the ledger for its meter', () => {
    sale('u', 'unknown');
    expect(run(`UPDATE sales SET status = 'issued', token = '1', token_source = 'vendor', sts_tid = 555 WHERE id = 'u'`)).toThrow(/ledger/);
    // In the ledger, but for another sale.
    expect(run(`UPDATE sales SET status = 'issued', token = '1', token_source = 'vendor', sts_tid = 100 WHERE id = 'u'`)).toThrow(/ledger/);
  });
});

describe('the ledger of issued tokens', () => {
  const token = (meter: number, tid: number, requestId: string) =>
    run(`INSERT INTO issued_tokens (meter_id, tid, kind, source, request_id, issued_at) VALUES (?, ?, 'engineering', 'vendor', ?, ?)`, meter, tid, requestId, T);

  it('holds one token per meter and TID', () => {
    expect(token(1, 100, 'r-1')).toThrow(/UNIQUE/);
    token(2, 100, 'r-1')(); // the same TID on another meter is fine
    token(1, 101, 'r-2')();
    expect(run(`INSERT INTO issued_tokens (meter_id, tid, kind, source, issued_at) VALUES (1, 102, 'credit', 'local', ?)`, T)).toThrow(/CHECK/); // a credit token has a sale
    expect(run(`INSERT INTO issued_tokens (meter_id, tid, kind, source, request_id, issued_at) VALUES (1, 16777216, 'engineering', 'vendor', 'x', ?)`, T)).toThrow(/CHECK/);
  });

  it('is append-only', () => {
    expect(run(`UPDATE issued_tokens SET tid = 200`)).toThrow(/append-only/);
    expect(run(`DELETE FROM issued_tokens`)).toThrow(/append-only/);
  });
});
