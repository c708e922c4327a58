// The utility's time zone, in which the reports cut their days. Only IANA names ("Africa/Tripoli",
// "UTC"): PostgreSQL also takes POSIX strings such as "UTC+3", and reads their sign backwards
// (three hours WEST of Greenwich), so anything shaped like one is refused here, before it could
// move every day of a report by six hours.
const NAME = /^(?:UTC|GMT|[A-Z][A-Za-z_-]+(?:\/[A-Za-z0-9_+-]+){1,2})$/;

export function isTimeZoneName(tz: string): boolean {
  if (!NAME.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const DEFAULT_TIME_ZONE = 'UTC';
