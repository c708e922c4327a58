// Migration 0009 on a database with history: every STS token already issued (sales and the
// engineering codes in the audit log) gets its slot in the ledger, one per (meter, TID); where the
// old code had let two tokens share a TID the first one keeps the slot and nothing is rewritten;
// each meter's last TID is raised past every recorded token; no sale row changes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../db/migrate';

const tmpFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-mig9-')), 'db.sqlite');
const at = (min: number) => new Date(Date.UTC(2026, 2, 1, 10, min)).toISOString();

function version8(): Database.Database {
  const db = new Database(tmpFile());
  db.pragma('foreign_keys = ON');
  migrate(db, loadMigrations(), 8);
  db.prepare(`INSERT INTO users (id, username, display_name, role, pin_hash, created_at) VALUES (1, 'cashier', 'Cashier', 'cashier', 'x', ?)`).run(at(0));
  const sts = db.prepare(`INSERT INTO meters (id, number, kind, schedule_code, sts_sgc, sts_ti, sts_krn, sts_key_type, sts_base_date, sts_last_tid, created_at)
    VALUES (?, ?, 'sts', 'RES', '123456', '01', 1, 2, 2014, ?, ?)`);
  sts.run(1, '04000001018', 102, at(0)); // the engineering code at 105 never raised it (the bug item 5 fixes)
  sts.run(2, '04000001026', 100, at(0));
  db.prepare(`INSERT INTO meters (id, number, kind, schedule_code, created_at) VALUES (3, '202400000001', 'acrel', 'RES', ?)`).run(at(0));
  let receipt = 0;
  const sale = (id: string, meterId: number, product: string, status: string, t: number, tok?: { tid: number; source: string }) =>
    db.prepare(
      `INSERT INTO sales (id, receipt_no, user_id, meter_id, meter_number, product, status, payment_method, currency, amount_minor, tendered_minor,
         charged_minor, change_minor, value_minor, energy_tenths, quote_json, token, token_source, sts_tid, print_status, print_count, created_at, updated_at)
       VALUES (?, ?, 1, ?, (SELECT number FROM meters WHERE id = ?), ?, ?, 'cash', 'YER', 1500, 1500, 1500, 0, 1500, ?, '{"k":1}', ?, ?, ?, 'printed', 1, ?, ?)`,
    ).run(id, ++receipt, meterId, meterId, product, status, product === 'sts_kwh' ? 125 : null,
      tok ? `${String(tok.tid).padStart(20, '0')}` : null, tok?.source ?? null, tok?.tid ?? null, at(t), at(t));
  sale('s-local-1', 1, 'sts_kwh', 'issued', 1, { tid: 100, source: 'local' });
  sale('s-vendor-1', 1, 'sts_kwh', 'issued', 2, { tid: 101, source: 'vendor' });
  // A vendor token that reused a local token's TID (the vendor's clock behind the counter's).
  sale('s-dup', 1, 'sts_kwh', 'issued', 3, { tid: 100, source: 'vendor' });
  sale('s-unknown', 1, 'sts_kwh', 'unknown', 4);
  sale('s-failed', 1, 'sts_kwh', 'failed', 5);
  sale('s-other-meter', 2, 'sts_kwh', 'issued', 6, { tid: 100, source: 'local' }); // same TID, other meter: fine
  sale('s-acrel', 3, 'acrel_credit', 'issued', 7);
  const code = (meter: string, tid: number, requestId: string, t: number, n: number) =>
    db.prepare(`INSERT INTO audit_log (at, user_id, action, entity, entity_id, details, prev_hash, hash) VALUES (?, 1, 'meter.maintenance_code', 'meter', ?, ?, 'p', ?)`)
      .run(at(t), meter, JSON.stringify({ requestId, purpose: 'check', action: 'clear_tamper', tid }), `h${n}`);
  code('04000001018', 102, 'r-2', 8, 1);
  // A local credit token in the same minute as that engineering code took its TID (the old bug).
  sale('s-local-2', 1, 'sts_kwh', 'issued', 9, { tid: 102, source: 'local' });
  code('04000001018', 105, 'r-1', 10, 2);
  code('04000001018', 105, 'r-1', 11, 3); // the same request asked again: the same code
  return db;
}

describe('migration 0009 (token invariants)', () => {
  it('fills the ledger from the sales and engineering codes already issued, first token first', () => {
    const db = version8();
    const salesBefore = db.prepare('SELECT * FROM sales ORDER BY receipt_no').all();
    expect(migrate(db, loadMigrations(), 9)).toEqual([9]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT * FROM sales ORDER BY receipt_no').all()).toEqual(salesBefore);

    expect(db.prepare(`SELECT meter_id, tid, kind, source, sale_id, request_id FROM issued_tokens ORDER BY meter_id, tid`).all()).toEqual([
      { meter_id: 1, tid: 100, kind: 'credit', source: 'local', sale_id: 's-local-1', request_id: null },
      { meter_id: 1, tid: 101, kind: 'credit', source: 'vendor', sale_id: 's-vendor-1', request_id: null },
      { meter_id: 1, tid: 102, kind: 'engineering', source: 'vendor', sale_id: null, request_id: 'r-2' },
      { meter_id: 1, tid: 105, kind: 'engineering', source: 'vendor', sale_id: null, request_id: 'r-1' },
      { meter_id: 2, tid: 100, kind: 'credit', source: 'local', sale_id: 's-other-meter', request_id: null },
    ]);
    // The tokens that shared a TID keep it on their sale row, where a supervisor can find them.
    expect(db.prepare(`SELECT id FROM sales s WHERE sts_tid IS NOT NULL AND NOT EXISTS (SELECT 1 FROM issued_tokens t WHERE t.sale_id = s.id) ORDER BY receipt_no`).all())
      .toEqual([{ id: 's-dup' }, { id: 's-local-2' }]);
    expect(db.prepare('SELECT id, sts_last_tid AS t FROM meters ORDER BY id').all()).toEqual([{ id: 1, t: 105 }, { id: 2, t: 100 }, { id: 3, t: null }]);

    // From now on the database itself refuses a second token with a used TID on a meter.
    expect(() => db.prepare(`INSERT INTO issued_tokens (meter_id, tid, kind, source, request_id, issued_at) VALUES (1, 105, 'engineering', 'vendor', 'r-3', ?)`).run(at(12)))
      .toThrow(/UNIQUE/);
    db.close();
  });

  it('applies on an empty database too', () => {
    const db = new Database(tmpFile());
    migrate(db, loadMigrations(), 8);
    expect(migrate(db, loadMigrations(), 9)).toEqual([9]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM issued_tokens').get()).toEqual({ n: 0 });
    db.close();
  });
});
