// The lease generations migration: a lease's generation and vending key, the newest vending key
// heard of per SGC and KRN, and the clock floor. Leases stored before it keep their rows (with no
// generation: the next renewal gives them one). Found by name, so renumbering it at a merge is a
// file rename.
import { describe, expect, it } from 'vitest';
import type { ReadDb, WriteDb } from '../../../../db/open';
import {
  clockFloor, forgetReleased, leaseOf, markReleasing, newestLeaseVendingKey, noteLeaseVendingKey, putHeldLease, raiseClockFloor,
} from '../../../../db/repos/leases';
import { MIGRATIONS, applyMigration, at, expectSurvived, historyAt, METER, rows, snapshot } from '../../../helpers/migration-kit';

const V = MIGRATIONS.find((m) => m.name === 'lease_generations')!.version;
const KEYS = { sgc: '123456', ti: '01', krn: 1, keyType: 2, baseDate: 2014 as const, ea: '07' as const, dkga: '02' as const };

describe(`migration ${V} (lease generations) on a database with history`, () => {
  it('keeps every row, a lease stored before it without a generation, and starts with no floor and no key heard of', () => {
    const db = historyAt(V - 1);
    db.prepare(`INSERT INTO meter_leases (meter_number, state, expires_at, key_data, decoder_key_sealed, granted_at, heard_at)
      VALUES (?, 'held', ?, ?, 'c2VhbGVk', ?, ?)`).run(METER.sts1, at(20), JSON.stringify(KEYS), at(10), at(10));
    // The history may already hold the authority row (seeded for 0022): this one is the state the migration meets.
    db.prepare(`INSERT OR REPLACE INTO lease_authority (id, endpoint, answered_at) VALUES (1, 'http://ho|ctr-1', ?)`).run(at(10));
    const before = snapshot(db);
    applyMigration(db, V);
    expectSurvived(db, before);
    expect(leaseOf(db as unknown as ReadDb, METER.sts1)).toMatchObject({ state: 'held', generation: null, vendingKey: null });
    expect(rows(db, 'SELECT * FROM lease_vending_keys')).toEqual([]);
    expect(rows(db, 'SELECT * FROM clock_floor')).toEqual([]);
  });

  it('a release forgets only the generation it gave back; the newest key and the clock floor only rise', () => {
    const db = historyAt(V - 1);
    applyMigration(db, V);
    const w = db as unknown as WriteDb;
    putHeldLease(w, { meterNumber: METER.sts1, expiresAt: at(20), grantedAt: at(10), keyData: KEYS, decoderKeySealed: 'c2VhbGVk', heardAt: at(10), generation: 4, vendingKey: { id: 2, kcv: 'ABCDEF' } });
    expect(markReleasing(w, METER.sts1)).toBe(true);
    expect(leaseOf(w, METER.sts1)).toMatchObject({ state: 'releasing', generation: 4, decoderKeySealed: null });
    // Renewed meanwhile (generation 5): the answer for generation 4 must not remove it.
    putHeldLease(w, { meterNumber: METER.sts1, expiresAt: at(21), grantedAt: at(10), keyData: KEYS, decoderKeySealed: 'c2VhbGVk', heardAt: at(11), generation: 5, vendingKey: { id: 2, kcv: 'ABCDEF' } });
    expect(forgetReleased(w, METER.sts1, 4)).toBe(false);
    expect(leaseOf(w, METER.sts1)).toMatchObject({ state: 'held', generation: 5 });
    markReleasing(w, METER.sts1);
    expect(forgetReleased(w, METER.sts1, 5)).toBe(true);
    expect(leaseOf(w, METER.sts1)).toBeUndefined();

    noteLeaseVendingKey(w, { sgc: '123456', krn: 1, id: 3, kcv: 'AAAAAA', heardAt: at(10) });
    noteLeaseVendingKey(w, { sgc: '123456', krn: 1, id: 2, kcv: 'BBBBBB', heardAt: at(11) });
    expect(newestLeaseVendingKey(w, '123456', 1)).toEqual({ id: 3, kcv: 'AAAAAA' });

    raiseClockFloor(w, '2030-01-02T00:00:00.000Z', 'head-office');
    raiseClockFloor(w, '2030-01-01T00:00:00.000Z', 'clock');
    expect(clockFloor(w)).toEqual({ at: '2030-01-02T00:00:00.000Z', source: 'head-office' });
    expect(() => db.prepare(`INSERT INTO clock_floor (id, at, source) VALUES (2, 'x', 'clock')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE clock_floor SET source = 'guess'`).run()).toThrow(/CHECK/);
  });
});
