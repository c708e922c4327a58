// Migration 0011 rebuilds vending_keys with an id, the certificate's attributes, the KCV, who loaded and retired
// a key; adds to meters the key data a meter still holds while its key change waits, and to sales
// the key-change tokens a sale carried. Every old row must come through: a sealed key lost or
// moved would stop offline vending for a whole supply group.
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../main/audit/append';
import { applyMigration, at, expectSurvived, historyAt, row, rows, snapshot } from '../../../helpers/migration-kit';

const V = 11;

describe(`migration ${V} (vending key lifecycle) on a database with history`, () => {
  it('keeps every row of every table; old keys are active with their sealed value and load time, attributes unknown', () => {
    const db = historyAt(V - 1);
    const before = snapshot(db);
    applyMigration(db, V);
    expectSurvived(db, before);
    expect(rows(db, 'SELECT id, sgc, krn, created_at, key_type, base_date, ea, dkga, expires_at, kcv, loaded_by, retired_at, retired_by FROM vending_keys ORDER BY id')).toEqual([
      { id: 1, sgc: '600727', krn: 1, created_at: at(1, 40), key_type: null, base_date: null, ea: null, dkga: null, expires_at: null, kcv: null, loaded_by: null, retired_at: null, retired_by: null },
      { id: 2, sgc: '600727', krn: 2, created_at: at(1, 41), key_type: null, base_date: null, ea: null, dkga: null, expires_at: null, kcv: null, loaded_by: null, retired_at: null, retired_by: null },
    ]);
    expect(rows(db, 'SELECT sts_key_change_from FROM meters WHERE sts_key_change_from IS NOT NULL')).toEqual([]);
    expect(rows(db, 'SELECT key_change_tokens FROM sales WHERE key_change_tokens IS NOT NULL')).toEqual([]);
    expect(verifyAuditChain(db)).toBeNull();
  });

  it('holds the lifecycle in the database: one active key per SGC/KRN, keys never change or disappear, retirement is final', () => {
    const db = historyAt(V - 1);
    applyMigration(db, V);
    const load = db.prepare(`INSERT INTO vending_keys (sgc, krn, sealed, created_at, key_type, base_date, ea, dkga, kcv, loaded_by) VALUES (?, ?, 'c2VhbGVk', ?, 2, 2014, '07', '02', ?, 1)`);
    expect(() => load.run('600727', 1, at(4), 'C33F45')).toThrow(/UNIQUE/);
    db.prepare(`UPDATE vending_keys SET retired_at = ?, retired_by = 1 WHERE id = 1`).run(at(4));
    load.run('600727', 1, at(4, 1), 'C33F45'); // the replacement, beside the retired key
    expect(() => db.prepare(`UPDATE vending_keys SET retired_at = NULL, retired_by = NULL WHERE id = 1`).run()).toThrow(/stays retired/);
    expect(() => db.prepare(`UPDATE vending_keys SET sealed = 'b3RoZXI=' WHERE id = 3`).run()).toThrow(/never changes/);
    expect(() => db.prepare(`UPDATE vending_keys SET kcv = 'ABCDEF' WHERE id = 3`).run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM vending_keys WHERE id = 2').run()).toThrow(/never deleted/);
    expect(() => load.run('600727', 3, at(4, 2), 'c33f45')).toThrow(/CHECK/); // a KCV is upper-case hex
    expect(() => db.prepare(`UPDATE vending_keys SET retired_by = 1 WHERE id = 2`).run()).toThrow(/CHECK/); // retired by whom, but when?
    // A meter's waiting key change is JSON; a sale's key-change tokens are exactly two, and fixed once settled.
    expect(() => db.prepare(`UPDATE meters SET sts_key_change_from = 'not json' WHERE id = 1`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE meters SET sts_key_change_from = ? WHERE id = 1`).run(JSON.stringify({ sgc: '600727', ti: '01', krn: 1, keyType: 2, baseDate: 2014, ea: '07', dkga: '02' }));
    const open = row(db, `SELECT id FROM sales WHERE status IN ('paid', 'unknown') AND product = 'sts_kwh' LIMIT 1`) as { id: string };
    expect(() => db.prepare(`UPDATE sales SET key_change_tokens = '["1"]' WHERE id = ?`).run(open.id)).toThrow(/CHECK/);
    db.prepare(`UPDATE sales SET key_change_tokens = '["11111111111111111111","22222222222222222222"]' WHERE id = ?`).run(open.id);
    const settled = row(db, `SELECT id FROM sales WHERE status = 'issued' LIMIT 1`) as { id: string };
    expect(() => db.prepare(`UPDATE sales SET key_change_tokens = '["11111111111111111111","22222222222222222222"]' WHERE id = ?`).run(settled.id)).toThrow(/never changes its tokens/);
  });
});
