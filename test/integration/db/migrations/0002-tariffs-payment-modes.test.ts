// Migration 0002 adds tariff versioning (immutable schedules), tariff groups, per-meter limits,
// debt and supply state. Only ALTER TABLE ADD COLUMN and new objects: a counter upgrading from
// 0001 must keep every schedule, period and meter as it was, and the new columns must read as
// "nothing changed" for the old rows (per-sale fee, no debt recovery, no debt, no deposit, supply
// on, no group, the tariff's limits), since that is how 0001 treated them.
import { describe, expect, it } from 'vitest';
import { applyMigration, at, expectSurvived, historyAt, METER, rows, snapshot } from '../../../helpers/migration-kit';

describe('migration 0002 (tariffs, payment modes) on a 0001 database with history', () => {
  it('keeps every row and reads the new columns as the behaviour 0001 had', () => {
    const db = historyAt(1);
    const before = snapshot(db);
    applyMigration(db, 2);
    expectSurvived(db, before);

    expect(rows(db, 'SELECT id, fee_mode, debt_recovery_percent, created_by FROM tariff_schedules ORDER BY id')).toEqual([
      { id: 1, fee_mode: 'per_sale', debt_recovery_percent: '0', created_by: null },
      { id: 2, fee_mode: 'per_sale', debt_recovery_percent: '0', created_by: null },
      { id: 3, fee_mode: 'per_sale', debt_recovery_percent: '0', created_by: null },
    ]);
    const meterDefaults = { tariff_group_id: null, min_purchase_minor: null, max_purchase_minor: null, debt_minor: 0, credit_limit_minor: null, deposit_minor: 0, supply: 'on' };
    expect(rows(db, `SELECT number, tariff_group_id, min_purchase_minor, max_purchase_minor, debt_minor, credit_limit_minor, deposit_minor, supply FROM meters ORDER BY id`))
      .toEqual([METER.sts1, METER.sts2, METER.acrel1, METER.acrel2].map((number) => ({ number, ...meterDefaults })));
  });

  it('freezes the old schedule versions and holds the new money checks on the old meters', () => {
    const db = historyAt(1);
    applyMigration(db, 2);
    // A price in force in the past can always be found again: the old versions cannot be edited.
    expect(() => db.prepare(`UPDATE tariff_schedules SET fee_minor = 0 WHERE id = 1`).run()).toThrow(/immutable/);
    expect(() => db.prepare(`DELETE FROM tariff_schedules WHERE id = 3`).run()).toThrow(/immutable/);
    expect(() => db.prepare(`UPDATE tariff_periods SET price_per_kwh = '99' WHERE schedule_id = 2 AND idx = 1`).run()).toThrow(/immutable/);
    expect(() => db.prepare(`DELETE FROM tariff_periods WHERE schedule_id = 3`).run()).toThrow(/immutable/);
    // ...a change is a new version beside them.
    db.prepare(`INSERT INTO tariff_schedules (code, version, name_ar, name_en, effective_from, max_purchase_minor, created_at, created_by)
      VALUES ('RES', 3, 'سكني ٢٠٢٧', 'Residential 2027', '2027-01-01T00:00:00.000Z', 50000000, ?, 1)`).run(at(4));
    expect(() => db.prepare(`INSERT INTO tariff_schedules (code, version, name_ar, name_en, effective_from, max_purchase_minor, created_at)
      VALUES ('RES', 2, 'x', 'x', '2027-01-01T00:00:00.000Z', 1, ?)`).run(at(4))).toThrow(/UNIQUE/);

    // An old meter joins a group, takes a debt and a credit limit; the checks refuse nonsense money.
    db.prepare(`INSERT INTO tariff_groups (id, code, name_ar, name_en, schedule_code, created_at, updated_at) VALUES (1, 'FEEDER-3', 'المغذي ٣', 'Feeder 3', 'RES', ?, ?)`).run(at(4), at(4));
    db.prepare(`UPDATE meters SET tariff_group_id = 1, debt_minor = 250000, credit_limit_minor = 1000000 WHERE number = ?`).run(METER.sts2);
    expect(() => db.prepare(`UPDATE meters SET debt_minor = -1 WHERE number = ?`).run(METER.acrel1)).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE meters SET deposit_minor = -500 WHERE number = ?`).run(METER.acrel1)).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE meters SET min_purchase_minor = 0 WHERE number = ?`).run(METER.sts1)).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE meters SET supply = 'half' WHERE number = ?`).run(METER.acrel1)).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE meters SET tariff_group_id = 99 WHERE number = ?`).run(METER.sts1)).toThrow(/FOREIGN KEY/);
  });
});
