// Wall-clock time in the counter's IANA time zone. Building an Intl.DateTimeFormat costs far
// more than using one, so one formatter per zone is kept for the life of the process.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

export interface LocalClock { year: number; month: number; minute: number }

/** Year, month and minute of the day (0..1439) on the wall clock of `timeZone` at instant `at`. */
export function localClock(at: Date, timeZone: string): LocalClock {
  let year = 0, month = 0, hour = 0, minute = 0;
  for (const p of formatter(timeZone).formatToParts(at)) {
    if (p.type === 'year') year = Number(p.value);
    else if (p.type === 'month') month = Number(p.value);
    else if (p.type === 'hour') hour = Number(p.value);
    else if (p.type === 'minute') minute = Number(p.value);
  }
  return { year, month, minute: hour * 60 + minute };
}

export const localMinuteOfDay = (at: Date, timeZone: string): number => localClock(at, timeZone).minute;

/** "2026-11" on the counter's calendar: the month a "first sale of the month" fee belongs to. */
export function localMonth(at: Date, timeZone: string): string {
  const c = localClock(at, timeZone);
  return `${c.year}-${String(c.month).padStart(2, '0')}`;
}

const DAY = 1440;
export const hhmm = (minute: number) =>
  `${String(Math.floor((minute % DAY) / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** "HH:MM" -> minute of the day; "24:00" only where an end is meant. Null when malformed. */
export function parseHhmm(text: string, allow24 = false): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  if (v > DAY || (v === DAY && !allow24)) return null;
  return v;
}
