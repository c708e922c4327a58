// Time-of-use schedules: up to 8 periods covering the day with no gap and no overlap; a period
// may cross midnight (22:00-02:00). Which period is active is decided by the wall-clock time in
// the counter's IANA time zone at the instant of sale, so DST changes need no special case.
import type { Bilingual } from '../../preload/contract';

export interface TariffPeriod {
  name: Bilingual;
  startMinute: number; // 0..1439, counter-local
  endMinute: number; // 1..1440; end < start means the period crosses midnight
  pricePerKwh: string; // exact decimal, minor units per kWh
  active: boolean;
}

export interface TariffSchedule {
  id: number;
  code: string;
  name: Bilingual;
  vatPercent: string;
  feeMinor: number;
  minPurchaseMinor: number;
  maxPurchaseMinor: number;
  periods: TariffPeriod[];
}

export const MAX_PERIODS = 8;
const DAY = 1440;

export const hhmm = (minute: number) =>
  `${String(Math.floor((minute % DAY) / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

function coveredMinutes(p: TariffPeriod): number[] {
  const out: number[] = [];
  const end = p.endMinute <= p.startMinute ? p.endMinute + DAY : p.endMinute;
  for (let m = p.startMinute; m < end; m++) out.push(m % DAY);
  return out;
}

/** Problems with a schedule, in words a supervisor can act on; empty when it is valid. */
export function scheduleProblems(periods: TariffPeriod[]): string[] {
  const problems: string[] = [];
  if (periods.length === 0) return ['the schedule has no periods'];
  if (periods.length > MAX_PERIODS) problems.push(`a schedule has at most ${MAX_PERIODS} periods, this one has ${periods.length}`);
  const owner = new Array<number>(DAY).fill(-1);
  periods.forEach((p, i) => {
    let reported = false;
    for (const m of coveredMinutes(p)) {
      const prev = owner[m]!;
      if (prev >= 0 && prev !== i) {
        if (!reported) problems.push(`"${periods[prev]!.name.en}" and "${p.name.en}" overlap at ${hhmm(m)}`);
        reported = true;
        continue;
      }
      owner[m] = i;
    }
  });
  const gapStart = owner.indexOf(-1);
  if (gapStart >= 0) {
    let end = gapStart;
    while (end < DAY && owner[end] === -1) end++;
    problems.push(`no period covers ${hhmm(gapStart)}-${hhmm(end)}`);
  }
  return problems;
}

/** Minute of the day (0..1439) on the wall clock of `timeZone` at instant `at`. */
const formatters = new Map<string, Intl.DateTimeFormat>(); // building one costs far more than using it
export function localMinuteOfDay(at: Date, timeZone: string): number {
  let fmt = formatters.get(timeZone);
  if (!fmt) formatters.set(timeZone, (fmt = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  const parts = fmt.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return get('hour') * 60 + get('minute');
}

export function activePeriod(schedule: TariffSchedule, at: Date, timeZone: string): TariffPeriod | null {
  const minute = localMinuteOfDay(at, timeZone);
  return (
    schedule.periods.find((p) => {
      if (!p.active) return false;
      return p.endMinute > p.startMinute
        ? minute >= p.startMinute && minute < p.endMinute
        : minute >= p.startMinute || minute < p.endMinute;
    }) ?? null
  );
}
