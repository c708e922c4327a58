// A vending key's expiry is a calendar date (the key certificate's last day), read in the
// utility's time zone (HEAD_OFFICE_TIME_ZONE): the key may be used until that day ends there, and a
// lease derived from it lasts no longer.

function offsetMs(t: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(t));
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
