// Meters reached through a cloud (every Acrel meter, and STS meters on a DCU) hold the time-of-use
// schedule themselves, so it must be loaded into them (through the outbox: it must arrive even if
// the cloud is down now) and checked by reading it back. The counter does not know which STS
// meters are tokens-only: their cloud refuses them (METER_NOT_CONNECTED), and that refusal is what
// the command and the read-back show. Also "price now / next change" for a schedule, for the supervisor's screen.
import type { ReadDb, WriteDb } from '../../db/open';
import type { Bilingual } from '../../preload/contract';
import { metersOnSchedule } from '../../db/repos/meters';
import { upcomingVersions, type StoredSchedule } from '../../db/repos/tariffs';
import { appendAudit } from '../audit/append';
import { err } from '../common/errors';
import { parsePrice } from './pricing/decimal';
import { hhmm } from './pricing/time';
import { ltr } from './pricing/validate';
import { activePeriod, type TariffPeriod } from './pricing/schedule';
import { nextPeriodChange } from './pricing/timeline';
import type { MeterVendors } from '../meters/vendors';
import type { SchedulePeriod } from '../vendors/meter-wire';
import { enqueueMeterCommand } from '../meters/auto-commands';
import { scheduleOrThrow } from './schedules';

type Deps = { db: { read: ReadDb; write: WriteDb }; now: () => Date };
type WirePeriod = SchedulePeriod;

/** What a meter is told: the active periods only (an inactive one prices nothing). */
export function wirePeriods(s: StoredSchedule): WirePeriod[] {
  return s.periods.filter((p) => p.active).map((p) => ({ name: p.name, startMinute: p.startMinute, endMinute: p.endMinute, pricePerKwh: p.pricePerKwh }));
}

export function pushSchedule(deps: Deps, userId: number, code: string): { version: number; queued: string[] } {
  const at = deps.now().toISOString();
  const s = scheduleOrThrow(deps.db.read, code, undefined, at);
  const meters = metersOnSchedule(deps.db.read, code);
  const w = deps.db.write;
  w.transaction(() => {
    for (const m of meters) enqueueMeterCommand(w, m, { command: 'set_tariff_schedule', code, version: s.version, periods: wirePeriods(s) }, at, userId, `tariff ${code} v${s.version}`);
    appendAudit(w, { at, userId, action: 'tariff.push', entity: 'tariff', entityId: code, details: { version: s.version, meters: meters.map((m) => m.number) } });
  })();
  return { version: s.version, queued: meters.map((m) => m.number) };
}

const key = (p: WirePeriod) => `${hhmm(p.startMinute)}–${p.endMinute === 1440 ? '24:00' : hhmm(p.endMinute)} @ ${parsePrice(p.pricePerKwh)}`;
const show = (p: WirePeriod) => `${hhmm(p.startMinute)}–${p.endMinute === 1440 ? '24:00' : hhmm(p.endMinute)} ${p.pricePerKwh}`;

/** Why a meter's periods differ from the expected ones; null when they agree (prices compared exactly). */
export function scheduleDifference(expected: WirePeriod[], actual: WirePeriod[]): Bilingual | null {
  const want = new Set(expected.map(key));
  const have = new Set(actual.map(key));
  const missing = expected.filter((p) => !have.has(key(p)));
  const extra = actual.filter((p) => !want.has(key(p)));
  if (!missing.length && !extra.length) return null;
  const list = (ps: WirePeriod[], sep: string, wrap = (t: string) => t) => ps.map((p) => wrap(show(p))).join(sep) || '—';
  return {
    en: `The meter is missing ${list(missing, ', ')} and has ${list(extra, ', ')} instead.`,
    ar: `ينقص العداد ${list(missing, '، ', ltr)} ولديه بدلاً منها ${list(extra, '، ', ltr)}.`,
  };
}

const NO_CLOUD = {
  sts: { kind: 'refused' as const, code: 'NOT_CONFIGURED', message: { en: 'The STS vendor is not configured at this counter.', ar: 'مزود STS غير مهيأ في هذا المركز.' } },
  acrel: { kind: 'refused' as const, code: 'NOT_CONFIGURED', message: { en: 'The Acrel meter cloud is not configured at this counter.', ar: 'منصة عدادات Acrel غير مهيأة في هذا المركز.' } },
};

/** The meters to read back: all on the schedule, or the one asked about (which must be on it). */
function readBackMeters(db: ReadDb, code: string, meterNumber: string | undefined) {
  const all = metersOnSchedule(db, code);
  if (meterNumber === undefined) return all;
  const n = meterNumber.replace(/[\s-]/g, '');
  const one = all.filter((m) => m.number === n);
  if (!one.length) throw err('NOT_FOUND', `Meter ${n} is not on tariff schedule ${code}.`, `العداد ${n} ليس على جدول التعرفة ${code}.`);
  return one;
}

export async function readBack(deps: Deps, vendors: MeterVendors, code: string, meterNumber?: string) {
  const s = scheduleOrThrow(deps.db.read, code, undefined, deps.now().toISOString());
  const expected = wirePeriods(s);
  const meters = readBackMeters(deps.db.read, code, meterNumber);
  const results = await Promise.all(meters.map(async (m) => {
    const c = vendors[m.kind];
    const r = c ? await c.getMultiTariffSchedule({ meterNumber: m.number }).catch((e: Error) => ({ kind: 'unknown' as const, reason: e.message })) : NO_CLOUD[m.kind];
    if (r.kind === 'refused') return { meterNumber: m.number, problem: { en: `The cloud refused: ${r.message.en}`, ar: `رفضت السحابة: ${r.message.ar}` } };
    if (r.kind === 'unknown') return { meterNumber: m.number, problem: { en: `The meter could not be read (${r.reason}). Try again later.`, ar: `تعذرت قراءة العداد (${r.reason}). حاول لاحقاً.` } };
    const diff = scheduleDifference(expected, r.value.periods);
    return diff ? { meterNumber: m.number, problem: diff } : { meterNumber: m.number, problem: null };
  }));
  return {
    code, version: s.version, checked: results.length,
    agree: results.filter((r) => r.problem === null).map((r) => r.meterNumber),
    disagree: results.filter((r): r is { meterNumber: string; problem: Bilingual } => r.problem !== null),
  };
}

const point = (p: TariffPeriod) => ({ periodName: p.name, pricePerKwh: p.pricePerKwh, start: hhmm(p.startMinute), end: p.endMinute === 1440 ? '24:00' : hhmm(p.endMinute) });

export function priceNow(db: ReadDb, code: string, at: Date, timeZone: string) {
  const s = scheduleOrThrow(db, code, undefined, at.toISOString());
  const now = activePeriod(s, at, timeZone);
  const change = nextPeriodChange(s, at, timeZone);
  // A new version taking effect before the next period boundary is the next change.
  const nextVersion = upcomingVersions(db, code, at.toISOString())[0];
  let next = change && change.period ? { ...point(change.period), at: change.at.toISOString(), version: s.version } : null;
  if (nextVersion && (!change || new Date(nextVersion.effectiveFrom) <= change.at)) {
    const p = activePeriod(nextVersion, new Date(nextVersion.effectiveFrom), timeZone);
    next = p ? { ...point(p), at: nextVersion.effectiveFrom, version: nextVersion.version } : next;
  }
  return { code, version: s.version, at: at.toISOString(), timeZone, now: now ? point(now) : null, next };
}
