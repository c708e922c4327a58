// Master data pulled from the head office (migration 0021): the pull's state, and the statements
// that apply a pulled record where the counter's own repos have none (a schedule version under the
// head office's version number, rows found by the head office's key, deferred links).
import type { ReadDb, WriteDb } from '../open';
import { stmt } from './stmt';
import type { NewVersion } from './tariffs';

export interface SyncError { key: string; entity: string; version: number; message: { en: string; ar: string }; at: string }

export interface MasterSyncState {
  cursor: number;
  enrolledAt: string | null;
  lastPullAt: string | null;
  lastSuccessAt: string | null;
  error: SyncError | null;
}

interface StateRow { cursor: number; enrolled_at: string | null; last_pull_at: string | null; last_success_at: string | null; error_json: string | null }

export function masterSyncState(db: ReadDb): MasterSyncState {
  const r = stmt(db, 'SELECT cursor, enrolled_at, last_pull_at, last_success_at, error_json FROM master_data_sync WHERE id = 1').get() as StateRow;
  return { cursor: r.cursor, enrolledAt: r.enrolled_at, lastPullAt: r.last_pull_at, lastSuccessAt: r.last_success_at, error: r.error_json === null ? null : (JSON.parse(r.error_json) as SyncError) };
}

/** Inside the page's transaction: the page is applied, the cursor moves with it. */
export function setMasterCursor(db: WriteDb, cursor: number, at: string): void {
  stmt(db, 'UPDATE master_data_sync SET cursor = ?, last_pull_at = ?, last_success_at = ?, error_json = NULL WHERE id = 1').run(cursor, at, at);
}

/** A pull that stopped (a record refused, the head office unreachable): the cursor stays. */
export function setMasterSyncError(db: WriteDb, error: SyncError, at: string): void {
  stmt(db, 'UPDATE master_data_sync SET last_pull_at = ?, error_json = ? WHERE id = 1').run(at, JSON.stringify(error));
}

/** A pull that found nothing new. */
export function setMasterPulled(db: WriteDb, at: string): void {
  stmt(db, 'UPDATE master_data_sync SET last_pull_at = ?, last_success_at = ?, error_json = NULL WHERE id = 1').run(at, at);
}

/**
 * Enrolled (again), in one transaction: the head office owns the master data, pulled from the start
 * (a new head office numbers its own versions, a new enrolment is a new counter id); what the last
 * enrolment set aside is forgotten; and every user that came from a head office is deactivated,
 * since their keys name the old counter id and the new enrolment sends its own users (a user of the
 * same name is taken over, not refused: apply.ts). Returns those users, whose sessions must end.
 */
export function setMasterEnrolled(db: WriteDb, at: string): number[] {
  return db.transaction(() => {
    stmt(db, 'UPDATE master_data_sync SET enrolled_at = ?, cursor = 0, error_json = NULL WHERE id = 1').run(at);
    stmt(db, 'DELETE FROM master_data_held').run();
    return (stmt(db, 'UPDATE users SET active = 0 WHERE ho_key IS NOT NULL AND active = 1 RETURNING id').all() as { id: number }[]).map((r) => r.id);
  })();
}

// --- Records set aside (migration 0023) -----------------------------------------------------

export interface HeldRecord { entity: string; key: string; version: number; change: unknown; reason: { en: string; ar: string }; heldAt: string; triedAt: string }

interface HeldRow { entity: string; key: string; version: number; change_json: string; reason_json: string; held_at: string; tried_at: string }

export function heldRecords(db: ReadDb): HeldRecord[] {
  return (stmt(db, 'SELECT * FROM master_data_held ORDER BY held_at, entity, key').all() as HeldRow[]).map((r) => ({
    entity: r.entity, key: r.key, version: r.version, change: JSON.parse(r.change_json) as unknown,
    reason: JSON.parse(r.reason_json) as { en: string; ar: string }, heldAt: r.held_at, triedAt: r.tried_at,
  }));
}

/** Sets a record aside (a later version of it replaces the earlier; held_at stays the first time it was held). */
export function holdRecord(db: WriteDb, r: { entity: string; key: string; version: number; change: unknown; reason: { en: string; ar: string } }, at: string): void {
  stmt(db, `INSERT INTO master_data_held (entity, key, version, change_json, reason_json, held_at, tried_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (entity, key) DO UPDATE SET version = excluded.version, change_json = excluded.change_json, reason_json = excluded.reason_json, tried_at = excluded.tried_at`)
    .run(r.entity, r.key, r.version, JSON.stringify(r.change), JSON.stringify(r.reason), at, at);
}

/** The record was applied (or a later version of it was): nothing of it is held any more. */
export function releaseHeld(db: WriteDb, entity: string, key: string): void {
  stmt(db, 'DELETE FROM master_data_held WHERE entity = ? AND key = ?').run(entity, key);
}

// --- Tariff schedule versions ---------------------------------------------------------------

/** A stored version's content, compared with a pulled one (never through scheduleById's cache: a page may roll back). */
export function scheduleVersionContent(db: ReadDb, code: string, version: number): NewVersion | null {
  const s = stmt(db, 'SELECT * FROM tariff_schedules WHERE code = ? AND version = ?').get(code, version) as {
    id: number; name_ar: string; name_en: string; effective_from: string; vat_percent: string; fee_minor: number; fee_mode: NewVersion['feeMode'];
    debt_recovery_percent: string; min_purchase_minor: number; max_purchase_minor: number;
  } | undefined;
  if (!s) return null;
  const periods = stmt(db, 'SELECT * FROM tariff_periods WHERE schedule_id = ? ORDER BY idx').all(s.id) as { name_ar: string; name_en: string; start_minute: number; end_minute: number; price_per_kwh: string; active: number }[];
  return {
    code, name: { ar: s.name_ar, en: s.name_en }, effectiveFrom: s.effective_from, vatPercent: s.vat_percent, feeMinor: s.fee_minor, feeMode: s.fee_mode,
    debtRecoveryPercent: s.debt_recovery_percent, minPurchaseMinor: s.min_purchase_minor, maxPurchaseMinor: s.max_purchase_minor,
    periods: periods.map((p) => ({ name: { ar: p.name_ar, en: p.name_en }, startMinute: p.start_minute, endMinute: p.end_minute, pricePerKwh: p.price_per_kwh, active: p.active === 1 })),
  };
}

/** Writes a version under the head office's version number (the counter's own numbering is MAX + 1). */
export function insertScheduleVersionAs(db: WriteDb, v: NewVersion & { version: number }, at: string): number {
  const { id } = stmt(db,
    `INSERT INTO tariff_schedules (code, version, name_ar, name_en, effective_from, vat_percent, fee_minor, fee_mode, debt_recovery_percent,
       min_purchase_minor, max_purchase_minor, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) RETURNING id`,
  ).get(v.code, v.version, v.name.ar, v.name.en, v.effectiveFrom, v.vatPercent, v.feeMinor, v.feeMode, v.debtRecoveryPercent,
    v.minPurchaseMinor, v.maxPurchaseMinor, at) as { id: number };
  const period = stmt(db,
    'INSERT INTO tariff_periods (schedule_id, idx, name_ar, name_en, start_minute, end_minute, price_per_kwh, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  v.periods.forEach((p, i) => period.run(id, i, p.name.ar, p.name.en, p.startMinute, p.endMinute, p.pricePerKwh, p.active ? 1 : 0));
  return id;
}

// --- Tariff groups --------------------------------------------------------------------------

/** A group removed at the head office: its meters keep their own schedule until told otherwise. */
export function deleteGroupByCode(db: WriteDb, code: string): void {
  const g = stmt(db, 'SELECT id FROM tariff_groups WHERE code = ?').get(code) as { id: number } | undefined;
  if (!g) return;
  stmt(db, 'UPDATE meters SET tariff_group_id = NULL WHERE tariff_group_id = ?').run(g.id);
  stmt(db, 'DELETE FROM tariff_groups WHERE id = ?').run(g.id);
}

/** Meters that named this group before it arrived join it now. */
export function linkMetersToGroup(db: WriteDb, code: string): void {
  stmt(db, 'UPDATE meters SET tariff_group_id = (SELECT id FROM tariff_groups WHERE code = ?) WHERE ho_group_code = ?').run(code, code);
}

// --- Customers ------------------------------------------------------------------------------

export function customerIdByHoKey(db: ReadDb, key: string): number | null {
  return (stmt(db, 'SELECT id FROM customers WHERE ho_key = ?').get(key) as { id: number } | undefined)?.id ?? null;
}

export function setCustomerHoKey(db: WriteDb, id: number, key: string): void {
  stmt(db, 'UPDATE customers SET ho_key = ? WHERE id = ?').run(key, id);
}

/** Meters that named this customer before it arrived are linked now. */
export function linkMetersToCustomer(db: WriteDb, key: string, customerId: number): void {
  stmt(db, 'UPDATE meters SET customer_id = ? WHERE ho_customer_key = ?').run(customerId, key);
}

/** Deletes the customer unless a meter row (an inactive one kept for its sales) still names it; whether it was deleted. */
export function deleteCustomerIfUnused(db: WriteDb, id: number): boolean {
  if (stmt(db, 'SELECT 1 FROM meters WHERE customer_id = ? LIMIT 1').get(id)) return false;
  stmt(db, 'DELETE FROM customers WHERE id = ?').run(id);
  return true;
}

// --- Meters ---------------------------------------------------------------------------------

export interface MeterMasterFields {
  customerId: number | null; hoCustomerKey: string | null; scheduleCode: string; groupId: number | null; hoGroupCode: string | null;
  paymentMode: 'prepaid' | 'postpaid' | 'credit'; minPurchaseMinor: number | null; maxPurchaseMinor: number | null;
  creditLimitMinor: number | null; depositMinor: number; active: boolean;
}

/** Everything about a meter the head office owns but its key data (which goes through the key-change bookkeeping). */
export function setMeterMasterFields(db: WriteDb, number: string, f: MeterMasterFields): void {
  stmt(db, `UPDATE meters SET customer_id = ?, ho_customer_key = ?, schedule_code = ?, tariff_group_id = ?, ho_group_code = ?, payment_mode = ?,
      min_purchase_minor = ?, max_purchase_minor = ?, credit_limit_minor = ?, deposit_minor = ?, active = ? WHERE number = ?`)
    .run(f.customerId, f.hoCustomerKey, f.scheduleCode, f.groupId, f.hoGroupCode, f.paymentMode, f.minPurchaseMinor, f.maxPurchaseMinor,
      f.creditLimitMinor, f.depositMinor, f.active ? 1 : 0, number);
}

/** Whether anything recorded at this counter names the meter (its sales): such a meter is kept, deactivated. */
export function meterHasSales(db: ReadDb, meterId: number): boolean {
  return !!stmt(db, 'SELECT 1 FROM sales WHERE meter_id = ? LIMIT 1').get(meterId);
}

export function deactivateMeter(db: WriteDb, number: string): void {
  stmt(db, 'UPDATE meters SET active = 0 WHERE number = ?').run(number);
}

export function deleteMeterRow(db: WriteDb, meterId: number): void {
  stmt(db, 'DELETE FROM meters WHERE id = ?').run(meterId);
}

// --- Users ----------------------------------------------------------------------------------

export interface HoUserRow { id: number; username: string; role: string; active: number; pin_hash: string; ho_key: string | null }

export function userByHoKey(db: ReadDb, key: string): HoUserRow | undefined {
  return stmt(db, 'SELECT id, username, role, active, pin_hash, ho_key FROM users WHERE ho_key = ?').get(key) as HoUserRow | undefined;
}

export function userByName(db: ReadDb, username: string): HoUserRow | undefined {
  return stmt(db, 'SELECT id, username, role, active, pin_hash, ho_key FROM users WHERE username = ?').get(username) as HoUserRow | undefined;
}

export function insertHoUser(db: WriteDb, u: { username: string; displayName: string; role: string; pinHash: string; locale: string; active: boolean; hoKey: string }, at: string): number {
  return (stmt(db, 'INSERT INTO users (username, display_name, role, pin_hash, locale, active, created_at, ho_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id')
    .get(u.username, u.displayName, u.role, u.pinHash, u.locale, u.active ? 1 : 0, at, u.hoKey) as { id: number }).id;
}

/** A new PIN hash also clears any lockout, as an administrator's new PIN does. */
export function updateHoUser(db: WriteDb, id: number, u: { displayName: string; role: string; pinHash: string; locale: string; active: boolean }): void {
  stmt(db, `UPDATE users SET display_name = ?, role = ?, locale = ?, active = ?,
      failed_attempts = CASE WHEN pin_hash = ? THEN failed_attempts ELSE 0 END, locked_until = CASE WHEN pin_hash = ? THEN locked_until ELSE NULL END,
      pin_hash = ? WHERE id = ?`).run(u.displayName, u.role, u.locale, u.active ? 1 : 0, u.pinHash, u.pinHash, u.pinHash, id);
}

/** A user the head office sent under another key (an earlier enrolment's counter id) is the same person: the row takes the new key. */
export function rebindUserHoKey(db: WriteDb, id: number, key: string): void {
  stmt(db, 'UPDATE users SET ho_key = ? WHERE id = ?').run(key, id);
}

export function deactivateUser(db: WriteDb, id: number): void {
  stmt(db, 'UPDATE users SET active = 0 WHERE id = ?').run(id);
}
