// The held master-data migration adds master_data_held (head-office records this counter set aside,
// with why) and touches no existing table. Found by name, so renumbering it at a merge is a rename.
import { describe, expect, it } from 'vitest';
import type { ReadDb, WriteDb } from '../../../../db/open';
import { heldRecords, holdRecord, releaseHeld } from '../../../../db/repos/master-data';
import { MIGRATIONS, applyMigration, at, expectSurvived, historyAt, rows, snapshot } from '../../../helpers/migration-kit';

const V = MIGRATIONS.find((m) => m.name === 'master_data_held')!.version;
const reason = { en: 'a user named "admin" was made at this counter', ar: 'المستخدم "admin" أُنشئ في نقطة البيع هذه' };

describe(`migration ${V} (held master data) on a database with history`, () => {
  it('keeps every row of every table and starts with nothing held', () => {
    const db = historyAt(V - 1);
    const before = snapshot(db);
    applyMigration(db, V);
    expectSurvived(db, before);
    expect(rows(db, 'SELECT * FROM master_data_held')).toEqual([]);
  });

  it('holds one row per record, the latest version replacing the earlier, and only known entities and valid JSON', () => {
    const db = historyAt(V - 1);
    applyMigration(db, V);
    const w = db as unknown as WriteDb;
    const change = (version: number) => ({ entity: 'user', key: 'admin@7', version, data: null });
    holdRecord(w, { entity: 'user', key: 'admin@7', version: 3, change: change(3), reason }, at(1));
    holdRecord(w, { entity: 'user', key: 'admin@7', version: 5, change: change(5), reason }, at(2));
    expect(heldRecords(db as unknown as ReadDb)).toEqual([{ entity: 'user', key: 'admin@7', version: 5, change: change(5), reason, heldAt: at(1), triedAt: at(2) }]);
    expect(() => db.prepare(`INSERT INTO master_data_held VALUES ('sale', 'k', 1, '{}', '{}', ?, ?)`).run(at(1), at(1))).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO master_data_held VALUES ('meter', 'k', 1, 'not json', '{}', ?, ?)`).run(at(1), at(1))).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO master_data_held VALUES ('meter', 'k', 0, '{}', '{}', ?, ?)`).run(at(1), at(1))).toThrow(/CHECK/);
    releaseHeld(w, 'user', 'admin@7');
    expect(heldRecords(db as unknown as ReadDb)).toEqual([]);
  });
});
