// The meter_leases and lease_authority tables (migration 0022) and the lease_vending_keys and
// clock_floor tables (lease generations' migration): the leases this counter holds on meters'
// local STS vending, what it last heard of other counters' leases, whether a head office ever
// answered the lease routes, the newest vending key a grant named per SGC and KRN, and the latest
// time this counter knows has passed. The decoder key is stored sealed (main/leases/service.ts).
import type { ReadDb, WriteDb } from '../open';
import type { StsKeyData } from './meters';
import { stmt } from './stmt';

export type LeaseState = 'held' | 'elsewhere' | 'releasing';

export interface LeaseRow {
  meterNumber: string;
  state: LeaseState;
  expiresAt: string;
  holder: string | null;
  keyData: StsKeyData | null;
  decoderKeySealed: string | null;
  grantedAt: string | null;
  heardAt: string;
  /** The head office's generation of this lease (held or releasing); null: stored before generations. */
  generation: number | null;
  /** The head office's vending key the decoder key came from; null: stored before it was recorded. */
  vendingKey: LeaseVendingKey | null;
}

export interface LeaseVendingKey { id: number; kcv: string }

interface Raw {
  meter_number: string; state: LeaseState; expires_at: string; holder: string | null; key_data: string | null;
  decoder_key_sealed: string | null; granted_at: string | null; heard_at: string; generation: number | null;
  vending_key_id: number | null; vending_key_kcv: string | null;
}
const fromRaw = (r: Raw): LeaseRow => ({
  meterNumber: r.meter_number, state: r.state, expiresAt: r.expires_at, holder: r.holder,
  keyData: r.key_data === null ? null : (JSON.parse(r.key_data) as StsKeyData), decoderKeySealed: r.decoder_key_sealed, grantedAt: r.granted_at, heardAt: r.heard_at,
  generation: r.generation, vendingKey: r.vending_key_id === null || r.vending_key_kcv === null ? null : { id: r.vending_key_id, kcv: r.vending_key_kcv },
});

export function leaseOf(db: ReadDb, meterNumber: string): LeaseRow | undefined {
  const r = stmt(db, 'SELECT * FROM meter_leases WHERE meter_number = ?').get(meterNumber) as Raw | undefined;
  return r ? fromRaw(r) : undefined;
}

export function putHeldLease(db: WriteDb, l: {
  meterNumber: string; expiresAt: string; grantedAt: string; keyData: StsKeyData; decoderKeySealed: string; heardAt: string;
  generation?: number | null; vendingKey?: LeaseVendingKey | null;
}): void {
  stmt(db, `INSERT INTO meter_leases (meter_number, state, expires_at, holder, key_data, decoder_key_sealed, granted_at, heard_at, generation, vending_key_id, vending_key_kcv)
    VALUES (?, 'held', ?, NULL, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (meter_number) DO UPDATE SET state = 'held', expires_at = excluded.expires_at, holder = NULL, key_data = excluded.key_data,
      decoder_key_sealed = excluded.decoder_key_sealed, granted_at = excluded.granted_at, heard_at = excluded.heard_at,
      generation = excluded.generation, vending_key_id = excluded.vending_key_id, vending_key_kcv = excluded.vending_key_kcv`)
    .run(l.meterNumber, l.expiresAt, JSON.stringify(l.keyData), l.decoderKeySealed, l.grantedAt, l.heardAt, l.generation ?? null, l.vendingKey?.id ?? null, l.vendingKey?.kcv ?? null);
}

/** Another counter holds the meter (the head office said so): any lease of ours on it is gone. */
export function putLeaseElsewhere(db: WriteDb, l: { meterNumber: string; holder: string; expiresAt: string; heardAt: string }): void {
  stmt(db, `INSERT INTO meter_leases (meter_number, state, expires_at, holder, key_data, decoder_key_sealed, granted_at, heard_at)
    VALUES (?, 'elsewhere', ?, ?, NULL, NULL, NULL, ?)
    ON CONFLICT (meter_number) DO UPDATE SET state = 'elsewhere', expires_at = excluded.expires_at, holder = excluded.holder, key_data = NULL,
      decoder_key_sealed = NULL, granted_at = NULL, heard_at = excluded.heard_at, generation = NULL, vending_key_id = NULL, vending_key_kcv = NULL`)
    .run(l.meterNumber, l.expiresAt, l.holder, l.heardAt);
}

/**
 * Stops using a held lease at once (its key is dropped) before it is given back; its generation
 * stays, for the release to name. True if it was held.
 */
export function markReleasing(db: WriteDb, meterNumber: string): boolean {
  return stmt(db, `UPDATE meter_leases SET state = 'releasing', key_data = NULL, decoder_key_sealed = NULL, granted_at = NULL WHERE meter_number = ? AND state = 'held'`)
    .run(meterNumber).changes === 1;
}

/** Forgets a lease being given back, only if it is still being given back at that generation. */
export function forgetReleased(db: WriteDb, meterNumber: string, generation: number | null): boolean {
  return stmt(db, `DELETE FROM meter_leases WHERE meter_number = ? AND state = 'releasing' AND generation IS ?`).run(meterNumber, generation).changes === 1;
}

export function forgetLease(db: WriteDb, meterNumber: string): void {
  stmt(db, 'DELETE FROM meter_leases WHERE meter_number = ?').run(meterNumber);
}

export function leasesIn(db: ReadDb, state: LeaseState): LeaseRow[] {
  return (stmt(db, 'SELECT * FROM meter_leases WHERE state = ? ORDER BY meter_number').all(state) as Raw[]).map(fromRaw);
}

/** Held leases the head office last confirmed before `before` (due for renewal). */
export function leasesHeardBefore(db: ReadDb, before: string): string[] {
  return (stmt(db, `SELECT meter_number FROM meter_leases WHERE state = 'held' AND heard_at < ? ORDER BY heard_at`).all(before) as { meter_number: string }[]).map((r) => r.meter_number);
}

/**
 * Held leases of meters with no sale on this counter since `since` (nor ever, once granted before
 * it), and none of whose sales still waits to reach the head office: safe to give back.
 */
export function idleLeases(db: ReadDb, since: string): string[] {
  return (stmt(db, `SELECT l.meter_number FROM meter_leases l
    WHERE l.state = 'held' AND l.granted_at < ?
      AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.meter_number = l.meter_number AND s.created_at >= ?)
      AND NOT EXISTS (SELECT 1 FROM sales s JOIN outbox o ON o.sale_id = s.id AND o.topic = 'headoffice.sale'
                      WHERE s.meter_number = l.meter_number AND o.status <> 'done')
      AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.meter_number = l.meter_number AND s.status IN ('paid', 'unknown'))
    ORDER BY l.meter_number`).all(since, since) as { meter_number: string }[]).map((r) => r.meter_number);
}

export function leaseAuthority(db: ReadDb): string | null {
  return (stmt(db, 'SELECT endpoint FROM lease_authority WHERE id = 1').get() as { endpoint: string } | undefined)?.endpoint ?? null;
}

/** Records a lease authority if none is yet (an enrolment): kept for good, whatever the head office's address later. */
export function ensureLeaseAuthority(db: WriteDb, endpoint: string, at: string): void {
  stmt(db, 'INSERT INTO lease_authority (id, endpoint, answered_at) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING').run(endpoint, at);
}

export function setLeaseAuthority(db: WriteDb, endpoint: string, at: string): void {
  stmt(db, `INSERT INTO lease_authority (id, endpoint, answered_at) VALUES (1, ?, ?)
    ON CONFLICT (id) DO UPDATE SET endpoint = excluded.endpoint, answered_at = excluded.answered_at WHERE lease_authority.endpoint <> excluded.endpoint`).run(endpoint, at);
}

/** Remembers the vending key a grant named for its SGC and KRN, unless a newer one (a higher id) was heard already. */
export function noteLeaseVendingKey(db: WriteDb, k: { sgc: string; krn: number; id: number; kcv: string; heardAt: string }): void {
  stmt(db, `INSERT INTO lease_vending_keys (sgc, krn, key_id, kcv, heard_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (sgc, krn) DO UPDATE SET key_id = excluded.key_id, kcv = excluded.kcv, heard_at = excluded.heard_at
    WHERE excluded.key_id > lease_vending_keys.key_id`).run(k.sgc, k.krn, k.id, k.kcv, k.heardAt);
}

/** The newest head-office vending key a grant named for this SGC and KRN. */
export function newestLeaseVendingKey(db: ReadDb, sgc: string, krn: number): LeaseVendingKey | undefined {
  const r = stmt(db, 'SELECT key_id, kcv FROM lease_vending_keys WHERE sgc = ? AND krn = ?').get(sgc, krn) as { key_id: number; kcv: string } | undefined;
  return r ? { id: r.key_id, kcv: r.kcv } : undefined;
}

export type ClockFloorSource = 'head-office' | 'lease' | 'clock' | 'sale';

/** Raises the clock floor to `at` (never lowers it). */
export function raiseClockFloor(db: WriteDb, at: string, source: Exclude<ClockFloorSource, 'sale'>): void {
  stmt(db, `INSERT INTO clock_floor (id, at, source) VALUES (1, ?, ?)
    ON CONFLICT (id) DO UPDATE SET at = excluded.at, source = excluded.source WHERE excluded.at > clock_floor.at`).run(at, source);
}

/**
 * The latest time this counter knows has passed: the clock floor, or the newest sale's creation
 * (times are ISO-8601 UTC strings, so they order as text). Null: nothing known yet.
 */
export function clockFloor(db: ReadDb): { at: string; source: ClockFloorSource } | null {
  const floor = stmt(db, 'SELECT at, source FROM clock_floor WHERE id = 1').get() as { at: string; source: ClockFloorSource } | undefined;
  const sale = (stmt(db, 'SELECT MAX(created_at) AS at FROM sales').get() as { at: string | null }).at;
  if (sale !== null && (!floor || Date.parse(sale) > Date.parse(floor.at))) return { at: sale, source: 'sale' };
  return floor ?? null;
}
