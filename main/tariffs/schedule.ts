// Time-of-use schedules: up to 8 periods covering the day with no gap and no overlap; a period
// may cross midnight (22:00-02:00). Which period is active is decided by the wall-clock time in
// the counter's IANA time zone at the instant of sale, so DST changes need no special case.
// A schedule is one immutable *version* of a tariff code, in force from `effectiveFrom`.
import type { Bilingual } from '../../preload/contract';
import { localMinuteOfDay } from './time';

export { hhmm, localMinuteOfDay } from './time';
export { scheduleProblems, MAX_PERIODS } from './validate';

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
