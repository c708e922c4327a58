// Tariff schedule versions and tariff groups. A version is immutable once written (SQLite
// triggers refuse UPDATE/DELETE), so a parsed version is cached for the life of the handle.
import type { ReadDb, WriteDb } from '../open';
import { stmt } from './stmt';
import type { Bilingual } from '../../preload/contract';

/** One immutable version of a tariff code, as stored and as the pricing code reads it. */
export interface TariffPeriod {
  name: Bilingual;
  startMinute: number; // 0..1439, counter-local
  endMinute: number; // 1..1440; end <= start means the period crosses midnight
  pricePerKwh: string; // exact decimal, minor units per kWh
  active: boolean;
}

export type FeeMode = 'per_sale' | 'first_of_month';

export interface TariffSchedule {
  id: number;
  code: string;
  version?: number;
  effectiveFrom?: string;
  name: Bilingual;
  vatPercent: string;
  feeMinor: number;
  /** Absent = per sale (schedules written before fee modes existed). */
  feeMode?: FeeMode;
  /** Percent of each purchase kept to pay down the meter's debt; absent = none. */
  debtRecoveryPercent?: string;
  minPurchaseMinor: number;
  maxPurchaseMinor: number;
  periods: TariffPeriod[];
}

export interface StoredSchedule extends TariffSchedule { version: number; effectiveFrom: string; feeMode: FeeMode; debtRecoveryPercent: string; createdAt: string }

interface ScheduleRow {
  id: number; code: string; version: number; name_ar: string; name_en: string; effective_from: string; vat_percent: string; fee_minor: number;
  fee_mode: FeeMode; debt_recovery_percent: string; min_purchase_minor: number; max_purchase_minor: number; created_at: string;
}
interface PeriodRow { name_ar: string; name_en: string; start_minute: number; end_minute: number; price_per_kwh: string; active: number }

const versions = new WeakMap<ReadDb, Map<number, StoredSchedule>>();

export function scheduleById(db: ReadDb, id: number): StoredSchedule | null {
  let m = versions.get(db);
  if (!m) versions.set(db, (m = new Map()));
  const hit = m.get(id);
  if (hit) return hit;
  const s = stmt(db, 'SELECT * FROM tariff_schedules WHERE id = ?').get(id) as ScheduleRow | undefined;
  if (!s) return null;
  const periods = stmt(db, 'SELECT * FROM tariff_periods WHERE schedule_id = ? ORDER BY idx').all(id) as PeriodRow[];
  const out: StoredSchedule = {
    id: s.id, code: s.code, version: s.version, effectiveFrom: s.effective_from, name: { ar: s.name_ar, en: s.name_en },
    vatPercent: s.vat_percent, feeMinor: s.fee_minor, feeMode: s.fee_mode, debtRecoveryPercent: s.debt_recovery_percent,
    minPurchaseMinor: s.min_purchase_minor, maxPurchaseMinor: s.max_purchase_minor, createdAt: s.created_at,
    periods: periods.map((p) => ({
      name: { ar: p.name_ar, en: p.name_en }, startMinute: p.start_minute, endMinute: p.end_minute, pricePerKwh: p.price_per_kwh, active: p.active === 1,
    })),
  };
  m.set(id, out);
  return out;
}

/** The version of `code` in force at `at` (ISO-8601 UTC): the latest to have taken effect. */
export function latestSchedule(db: ReadDb, code: string, at: string): StoredSchedule | null {
  const r = stmt(db, 'SELECT id FROM tariff_schedules WHERE code = ? AND effective_from <= ? ORDER BY effective_from DESC, version DESC LIMIT 1')
    .get(code, at) as { id: number } | undefined;
  return r ? scheduleById(db, r.id) : null;
}

export function scheduleVersion(db: ReadDb, code: string, version: number): StoredSchedule | null {
  const r = stmt(db, 'SELECT id FROM tariff_schedules WHERE code = ? AND version = ?').get(code, version) as { id: number } | undefined;
  return r ? scheduleById(db, r.id) : null;
}

/** Every version of `code`, newest first. */
export function allVersions(db: ReadDb, code: string): StoredSchedule[] {
  const ids = stmt(db, 'SELECT id FROM tariff_schedules WHERE code = ? ORDER BY version DESC').all(code) as { id: number }[];
  return ids.map((r) => scheduleById(db, r.id)!);
}

/** Versions of `code` that take effect after `at`, soonest first. */
export function upcomingVersions(db: ReadDb, code: string, at: string): StoredSchedule[] {
  const ids = stmt(db, 'SELECT id FROM tariff_schedules WHERE code = ? AND effective_from > ? ORDER BY effective_from, version').all(code, at) as { id: number }[];
  return ids.map((r) => scheduleById(db, r.id)!);
}

export function scheduleCodes(db: ReadDb): string[] {
  return (stmt(db, 'SELECT DISTINCT code FROM tariff_schedules ORDER BY code').all() as { code: string }[]).map((r) => r.code);
}

export interface NewVersion {
  code: string; name: Bilingual; effectiveFrom: string; vatPercent: string; feeMinor: number; feeMode: FeeMode; debtRecoveryPercent: string;
  minPurchaseMinor: number; maxPurchaseMinor: number; periods: TariffPeriod[];
}

/** Writes the next version of `code` (1 for a new code); call inside a transaction. */
export function insertVersion(db: WriteDb, v: NewVersion, at: string, userId: number | null): number {
  const next = (stmt(db, 'SELECT COALESCE(MAX(version), 0) + 1 AS v FROM tariff_schedules WHERE code = ?').get(v.code) as { v: number }).v;
  const { id } = stmt(db,
    `INSERT INTO tariff_schedules (code, version, name_ar, name_en, effective_from, vat_percent, fee_minor, fee_mode, debt_recovery_percent,
       min_purchase_minor, max_purchase_minor, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  ).get(v.code, next, v.name.ar, v.name.en, v.effectiveFrom, v.vatPercent, v.feeMinor, v.feeMode, v.debtRecoveryPercent,
    v.minPurchaseMinor, v.maxPurchaseMinor, at, userId) as { id: number };
  const period = stmt(db,
    'INSERT INTO tariff_periods (schedule_id, idx, name_ar, name_en, start_minute, end_minute, price_per_kwh, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  v.periods.forEach((p, i) => period.run(id, i, p.name.ar, p.name.en, p.startMinute, p.endMinute, p.pricePerKwh, p.active ? 1 : 0));
  return id;
}

export interface GroupRecord { id: number; code: string; name: Bilingual; scheduleCode: string; meterCount: number }

export function listGroups(db: ReadDb): GroupRecord[] {
  const rows = stmt(db, 'SELECT * FROM tariff_groups ORDER BY code').all() as { id: number; code: string; name_ar: string; name_en: string; schedule_code: string }[];
  return rows.map((g) => ({
    id: g.id, code: g.code, name: { ar: g.name_ar, en: g.name_en }, scheduleCode: g.schedule_code,
    // A count, not the list: a feeder's group may hold tens of thousands of meters.
    meterCount: (stmt(db, 'SELECT COUNT(*) AS n FROM meters WHERE tariff_group_id = ? AND active = 1').get(g.id) as { n: number }).n,
  }));
}

/**
 * Active meters priced by schedule `code`: those assigned to it directly (outside any group) and
 * those in a group on it. Counted in the database from indexes (meters_schedule, meters_group):
 * listing them would load every meter of a city.
 */
export function countMetersOnSchedule(db: ReadDb, code: string): number {
  return (stmt(db, `SELECT (SELECT COUNT(*) FROM meters WHERE schedule_code = ? AND tariff_group_id IS NULL AND active = 1)
      + (SELECT COUNT(*) FROM meters WHERE tariff_group_id IN (SELECT id FROM tariff_groups WHERE schedule_code = ?) AND active = 1) AS n`).get(code, code) as { n: number }).n;
}

/** The numbers of a group's active meters, in order, a page at a time (after `after`, at most `limit`). */
export function groupMeterNumbers(db: ReadDb, groupId: number, after: string | null, limit: number): string[] {
  return (stmt(db, 'SELECT number FROM meters WHERE tariff_group_id = ? AND active = 1 AND number > ? ORDER BY number LIMIT ?').all(groupId, after ?? '', limit) as { number: string }[]).map((m) => m.number);
}

export function findGroup(db: ReadDb, code: string): GroupRecord | null {
  return listGroups(db).find((g) => g.code === code) ?? null;
}

export function saveGroup(db: WriteDb, g: { code: string; name: Bilingual; scheduleCode: string }, at: string): void {
  stmt(db,
    `INSERT INTO tariff_groups (code, name_ar, name_en, schedule_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET name_ar = excluded.name_ar, name_en = excluded.name_en, schedule_code = excluded.schedule_code, updated_at = excluded.updated_at`,
  ).run(g.code, g.name.ar, g.name.en, g.scheduleCode, at, at);
}

/** The group's id and the schedule it names. */
export function groupScheduleRef(db: ReadDb, code: string): { id: number; schedule_code: string } | undefined {
  return stmt(db, 'SELECT id, schedule_code FROM tariff_groups WHERE code = ?').get(code) as { id: number; schedule_code: string } | undefined;
}

/** Whether any version of a schedule with this code exists. */
export function scheduleCodeExists(db: ReadDb, code: string): boolean {
  return !!stmt(db, 'SELECT 1 FROM tariff_schedules WHERE code = ?').get(code);
}
