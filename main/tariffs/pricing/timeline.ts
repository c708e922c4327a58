// "Price now" and "next change" for a schedule: what a supervisor (and a customer asking "when
// is it cheaper?") needs. The next change is found on the counter's wall clock, so a DST jump
// moves it to the right instant instead of an hour off.
import { activePeriod, type TariffPeriod, type TariffSchedule } from './schedule';
import { localMinuteOfDay } from './time';

export interface PriceChange { at: Date; period: TariffPeriod | null }

const MINUTE = 60_000;

/** The first instant after `at` where the active period differs from the one at `at`; null if
 * the same period covers the whole day. */
export function nextPeriodChange(schedule: TariffSchedule, at: Date, timeZone: string): PriceChange | null {
  const now = activePeriod(schedule, at, timeZone);
  if (now && schedule.periods.filter((p) => p.active).length === 1) return null;
  const floor = Math.floor(at.getTime() / MINUTE) * MINUTE;
  const local = localMinuteOfDay(at, timeZone);
  // Jump to where the current period ends on the wall clock, then settle by single minutes:
  // a DST shift moves the true instant by at most a couple of hours either way.
  const end = now ? now.endMinute % 1440 : (local + 1) % 1440;
  const delta = ((end - local + 1440) % 1440 || 1440) * MINUTE;
  let t = floor + delta;
  const differs = (ms: number) => activePeriod(schedule, new Date(ms), timeZone) !== now;
  let steps = 0;
  while (!differs(t) && steps++ < 48 * 60) t += MINUTE;
  while (t - MINUTE > at.getTime() && differs(t - MINUTE) && steps++ < 48 * 60) t -= MINUTE;
  return { at: new Date(t), period: activePeriod(schedule, new Date(t), timeZone) };
}
