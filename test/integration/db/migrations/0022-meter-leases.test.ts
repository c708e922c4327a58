// The meter leases migration adds meter_leases (the leases this counter holds on meters' offline
// vending, and what it last heard of other counters' leases) and lease_authority (the head office
// that answered the lease routes). It touches no existing table. Found by name, so renumbering it
// at a merge is a file rename.
import { describe, expect, it } from 'vitest';
import type { ReadDb, WriteDb } from '../../../../db/open';
import { idleLeases, leaseAuthority, leaseOf, markReleasing, putHeldLease, putLeaseElsewhere, setLeaseAuthority } from '../../../../db/repos/leases';
import { MIGRATIONS, applyMigration, at, expectSurvived, historyAt, METER, rows, snapshot } from '../../../helpers/migration-kit';

const V = MIGRATIONS.find((m) => m.name === 'meter_leases')!.version;
const KEYS = { sgc: '123456', ti: '01', krn: 1, keyType: 2, baseDate: 2014 as const, ea: '07' as const, dkga: '02' as const };

describe(`migration ${V} (meter leases) on a database with history`, () => {
  it('keeps every row of every table and starts with no lease and no lease authority', () => {
    const db = historyAt(V - 1);
    const before = snapshot(db);
    applyMigration(db, V);
    expectSurvived(db, before);
    expect(rows(db, 'SELECT * FROM meter_leases')).toEqual([]);
    expect(leaseAuthority(db as unknown as ReadDb)).toBeNull();
  });

  it('holds a lease row to its states, and the repository works on the migrated file', () => {
    const db = historyAt(V - 1);
    applyMigration(db, V);
    // The repository as it is today also reads and writes the later lease migrations' columns.
    for (const m of MIGRATIONS.filter((x) => x.version > V)) applyMigration(db, m.version);
    const w = db as unknown as WriteDb;
    putHeldLease(w, { meterNumber: METER.sts1, expiresAt: at(20), grantedAt: at(10), keyData: KEYS, decoderKeySealed: 'c2VhbGVk', heardAt: at(10) });
    expect(leaseOf(w, METER.sts1)).toMatchObject({ state: 'held', keyData: KEYS, holder: null });
    // A held lease without its key, or one elsewhere without a holder, is refused by the table.
    expect(() => db.prepare(`UPDATE meter_leases SET decoder_key_sealed = NULL WHERE meter_number = ?`).run(METER.sts1)).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO meter_leases (meter_number, state, expires_at, heard_at) VALUES ('x', 'elsewhere', ?, ?)`).run(at(20), at(10))).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO meter_leases (meter_number, state, expires_at, heard_at) VALUES ('x', 'lent', ?, ?)`).run(at(20), at(10))).toThrow(/CHECK/);
    // Releasing drops the key at once.
    expect(markReleasing(w, METER.sts1)).toBe(true);
    expect(leaseOf(w, METER.sts1)).toMatchObject({ state: 'releasing', decoderKeySealed: null, keyData: null });
    putLeaseElsewhere(w, { meterNumber: METER.sts2, holder: 'Counter 2', expiresAt: at(25), heardAt: at(11) });
    expect(leaseOf(w, METER.sts2)).toMatchObject({ state: 'elsewhere', holder: 'Counter 2' });
    // A held lease is idle when its meter has no sale here since the cut-off (a meter of the
    // history, sold in March, is not; one never sold here is).
    putHeldLease(w, { meterNumber: METER.sts1, expiresAt: at(20), grantedAt: at(1), keyData: KEYS, decoderKeySealed: 'c2VhbGVk', heardAt: at(1) });
    putHeldLease(w, { meterNumber: '09999999999', expiresAt: at(20), grantedAt: at(1), keyData: KEYS, decoderKeySealed: 'c2VhbGVk', heardAt: at(1) });
    expect(idleLeases(w, at(2))).toEqual(['09999999999']);
    setLeaseAuthority(w, 'http://ho|ctr-1', at(10));
    setLeaseAuthority(w, 'http://ho|ctr-1', at(12));
    expect(rows(db, 'SELECT endpoint, answered_at FROM lease_authority')).toEqual([{ endpoint: 'http://ho|ctr-1', answered_at: at(10) }]);
    expect(() => db.prepare(`INSERT INTO lease_authority (id, endpoint, answered_at) VALUES (2, 'x', ?)`).run(at(1))).toThrow(/CHECK/);
  });
});
