// A vending key's expiry is a calendar date (the key certificate's last day), read in the
// utility's time zone (HEAD_OFFICE_TIME_ZONE): the key may be used until that day ends there, and a
// lease derived from it lasts no longer.

// Building a formatter costs far more than using one, and a lease request checks up to 200 meters' keys.
const wallClocks = new Map<string, Intl.DateTimeFormat>();
const days = new Map<string, Intl.DateTimeFormat>();

function offsetMs(t: number, timeZone: string): number {
  let f = wallClocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    wallClocks.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(t));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(t / 1000) * 1000;
}

/** The instant `day` (YYYY-MM-DD) ends in the time zone: the next day's midnight there. */
export function endOfDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d + 1);
  // Twice: the offset at the first guess may differ from the offset at the answer (a DST change).
  const guess = wall - offsetMs(wall, timeZone);
  return new Date(wall - offsetMs(guess, timeZone));
}

/** True once the key's last day has ended in the time zone (never for a key without expiry). */
export const keyExpired = (expiresOn: string | null, now: Date, timeZone: string) => expiresOn !== null && now >= endOfDay(expiresOn, timeZone);

/** The calendar day (YYYY-MM-DD) it is in the time zone at `now` (en-CA writes dates that way). */
export function dayIn(timeZone: string, now: Date): string {
  let f = days.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    days.set(timeZone, f);
  }
  return f.format(now);
}

const wallTimes = new Map<string, Intl.DateTimeFormat>();
/** "2026-03-01 22:30" as the clocks read in the time zone: how a refusal tells a cashier until when. */
export function wallTime(d: Date, timeZone: string): string {
  let f = wallTimes.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    wallTimes.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
