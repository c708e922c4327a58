// Time-of-use schedules: up to 8 periods covering the day with no gap and no overlap; a period
// may cross midnight (22:00-02:00). Which period is active is decided by the wall-clock time in
// the counter's IANA time zone at the instant of sale, so DST changes need no special case.
// A schedule is one immutable *version* of a tariff code, in force from `effectiveFrom`.
import type { TariffPeriod, TariffSchedule } from '../../../db/repos/tariffs';
import { localMinuteOfDay } from './time';

export { hhmm, localMinuteOfDay } from './time';
export { scheduleProblems, MAX_PERIODS } from './validate';

// The stored shape of a schedule version is storage's (db/repos/tariffs.ts); pricing reads it.
export type { FeeMode, TariffPeriod, TariffSchedule } from '../../../db/repos/tariffs';

export function periodCovers(p: TariffPeriod, minute: number): boolean {
  return p.endMinute > p.startMinute
    ? minute >= p.startMinute && minute < p.endMinute
    : minute >= p.startMinute || minute < p.endMinute; // crosses midnight (or start = end: all day)
}

export function periodAtMinute(schedule: TariffSchedule, minute: number): TariffPeriod | null {
  return schedule.periods.find((p) => p.active && periodCovers(p, minute)) ?? null;
}

export function activePeriod(schedule: TariffSchedule, at: Date, timeZone: string): TariffPeriod | null {
  return periodAtMinute(schedule, localMinuteOfDay(at, timeZone));
}
