// Supervisor operations on tariff schedules: read, write a new version (validated, never editing
// an old one), group and assign, price now / next change. Pushing to meters is in schedule-push.ts.
import type { ReadDb, WriteDb } from '../../db/open';
import type { Bilingual, User } from '../../preload/contract';
import type { Schedule, TariffGroup } from '../../preload/contract';
import { allVersions, countMetersOnSchedule, findGroup, groupMeterNumbers, insertVersion, latestSchedule, listGroups, saveGroup, scheduleById, scheduleCodes, scheduleVersion, upcomingVersions, type StoredSchedule } from '../../db/repos/tariffs';
import { assignGroup, assignSchedule, findMeter } from '../../db/repos/meters';
import { appendAudit } from '../audit/append';
import { err } from '../common/errors';
import { scheduleProblems, type FeeMode, type TariffPeriod } from './pricing/schedule';
import { hhmm, parseHhmm } from './pricing/time';

type Deps = { db: { read: ReadDb; write: WriteDb }; now: () => Date };
const end = (m: number) => (m === 1440 ? '24:00' : hhmm(m));

export function toDto(s: StoredSchedule): Schedule {
  return {
    id: s.id, code: s.code, version: s.version, name: s.name, effectiveFrom: s.effectiveFrom, vatPercent: s.vatPercent, feeMinor: s.feeMinor,
    feeMode: s.feeMode, debtRecoveryPercent: s.debtRecoveryPercent, minPurchaseMinor: s.minPurchaseMinor, maxPurchaseMinor: s.maxPurchaseMinor,
    periods: s.periods.map((p) => ({ name: p.name, start: hhmm(p.startMinute), end: end(p.endMinute), pricePerKwh: p.pricePerKwh, active: p.active })),
    createdAt: s.createdAt,
  };
}

const noSchedule = (code: string) => err('NOT_FOUND', `There is no tariff schedule "${code}".`, `لا يوجد جدول تعرفة "${code}".`);

export function scheduleOrThrow(db: ReadDb, code: string, version?: number, at?: string): StoredSchedule {
  const s = version !== undefined ? scheduleVersion(db, code, version) : latestSchedule(db, code, at ?? new Date().toISOString()) ?? allVersions(db, code)[0] ?? null;
  if (!s) throw noSchedule(code);
  return s;
}

export function listSchedules(db: ReadDb, at: string) {
  const groups = listGroups(db);
  return scheduleCodes(db).map((code) => {
    const current = latestSchedule(db, code, at);
    return {
      code, current: current ? toDto(current) : null,
      upcoming: upcomingVersions(db, code, at).map((v) => ({ version: v.version, effectiveFrom: v.effectiveFrom })),
      versions: allVersions(db, code).length, meters: countMetersOnSchedule(db, code),
      groups: groups.filter((g) => g.scheduleCode === code).map((g) => g.code),
    };
  });
}

export interface VersionInput {
  code: string; name: Bilingual; effectiveFrom?: string; vatPercent: string; feeMinor: number; feeMode: FeeMode; debtRecoveryPercent: string;
  minPurchaseMinor: number; maxPurchaseMinor: number; periods: { name: Bilingual; start: string; end: string; pricePerKwh: string; active: boolean }[];
}

function badSchedule(problems: Bilingual[]) {
  return err('BAD_INPUT', `The schedule was not saved: ${problems.map((p) => p.en).join(' ')}`, `لم يُحفظ الجدول: ${problems.map((p) => p.ar).join(' ')}`, problems.map((p) => p.en));
}

export function createVersion(deps: Deps, user: User, i: VersionInput): Schedule {
  const now = deps.now();
  const effectiveFrom = i.effectiveFrom ? new Date(i.effectiveFrom) : now;
  // A version starting in the past would rewrite what "was in force": refuse it (1 minute of slack
  // for a supervisor who typed "now").
  if (effectiveFrom.getTime() < now.getTime() - 60_000) {
    throw err('BAD_INPUT', 'A new version cannot take effect in the past. Choose now or a later time.', 'لا يمكن أن يسري إصدار جديد في الماضي. اختر الآن أو وقتاً لاحقاً.');
  }
  const problems: Bilingual[] = [];
  const periods: TariffPeriod[] = i.periods.map((p) => {
    const startMinute = parseHhmm(p.start);
    const endMinute = parseHhmm(p.end, true);
    if (startMinute === null) problems.push({ en: `"${p.name.en}": the start ${p.start} is not a time of day (00:00-23:59).`, ar: `«${p.name.ar}»: البداية ${p.start} ليست وقتاً صحيحاً (00:00-23:59).` });
    return { name: p.name, startMinute: startMinute ?? 0, endMinute: endMinute ?? 0, pricePerKwh: p.pricePerKwh, active: p.active };
  });
  problems.push(...scheduleProblems(periods));
  if (problems.length) throw badSchedule(problems);
  const w = deps.db.write;
  const at = now.toISOString();
  const id = w.transaction(() => {
    const newId = insertVersion(w, { ...i, effectiveFrom: effectiveFrom.toISOString(), periods }, at, user.id);
    appendAudit(w, { at, userId: user.id, action: 'tariff.version', entity: 'tariff', entityId: i.code, details: { scheduleId: newId, effectiveFrom: effectiveFrom.toISOString() } });
    return newId;
  })();
  return toDto(scheduleById(w, id)!);
}

export function groupDto(db: ReadDb, code: string): TariffGroup {
  const g = findGroup(db, code);
  if (!g) throw err('NOT_FOUND', `There is no tariff group "${code}".`, `لا توجد مجموعة تعرفة "${code}".`);
  return { code: g.code, name: g.name, scheduleCode: g.scheduleCode, meterCount: g.meterCount };
}

/** One page of a group's meters; `next` is the cursor for the following page, null on the last. */
export function groupMeters(db: ReadDb, i: { groupCode: string; after?: string; limit: number }): { numbers: string[]; next: string | null } {
  const g = findGroup(db, i.groupCode);
  if (!g) throw err('NOT_FOUND', `There is no tariff group "${i.groupCode}".`, `لا توجد مجموعة تعرفة "${i.groupCode}".`);
  const page = groupMeterNumbers(db, g.id, i.after ?? null, i.limit + 1);
  const more = page.length > i.limit;
  const numbers = more ? page.slice(0, i.limit) : page;
  return { numbers, next: more ? numbers[numbers.length - 1]! : null };
}

export function saveTariffGroup(deps: Deps, user: User, i: { code: string; name: Bilingual; scheduleCode: string }): TariffGroup {
  const w = deps.db.write;
  scheduleOrThrow(w, i.scheduleCode);
  const at = deps.now().toISOString();
  w.transaction(() => {
    saveGroup(w, i, at);
    appendAudit(w, { at, userId: user.id, action: 'tariff.group', entity: 'tariff_group', entityId: i.code, details: { scheduleCode: i.scheduleCode } });
  })();
  return groupDto(w, i.code);
}

export function assign(deps: Deps, user: User, i: { meterNumbers: string[]; scheduleCode?: string; groupCode?: string }): { assigned: string[] } {
  const w = deps.db.write;
  const numbers = i.meterNumbers.map((n) => n.replace(/[\s-]/g, ''));
  const meters = numbers.map((n) => findMeter(w, n));
  const unknown = numbers.filter((_, k) => !meters[k]);
  if (unknown.length) throw err('METER_NOT_FOUND', `No such meters at this counter: ${unknown.join(', ')}. Nothing was assigned.`, `عدادات غير مسجلة في هذا المركز: ${unknown.join('، ')}. لم يُعيَّن شيء.`);
  const group = i.groupCode !== undefined ? findGroup(w, i.groupCode) : null;
  if (i.groupCode !== undefined && !group) throw err('NOT_FOUND', `There is no tariff group "${i.groupCode}".`, `لا توجد مجموعة تعرفة "${i.groupCode}".`);
  if (i.scheduleCode !== undefined) scheduleOrThrow(w, i.scheduleCode);
  const at = deps.now().toISOString();
  w.transaction(() => {
    for (const m of meters) {
      if (group) assignGroup(w, m!.id, group.id);
      else assignSchedule(w, m!.id, i.scheduleCode!);
    }
    appendAudit(w, { at, userId: user.id, action: 'tariff.assign', entity: 'tariff', entityId: i.scheduleCode ?? i.groupCode ?? '', details: { meters: numbers, group: i.groupCode ?? null } });
  })();
  return { assigned: numbers };
}
