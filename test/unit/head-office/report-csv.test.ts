// The CSV cells of the head office's reports: formulas neutralised but our own numbers left numbers,
// money by the currency's ISO 4217 exponent, instants as local wall time across a DST change, and
// the IANA-only time zone names (a POSIX "UTC+3" would be read backwards by PostgreSQL).
import { describe, expect, it } from 'vitest';
import { localTime, money, neutralise } from '../../../head-office/reports/csv';
import { isTimeZoneName } from '../../../head-office/reports/time-zone';

describe('report CSV cells', () => {
  it('prefixes anything a spreadsheet would run, and only that', () => {
    for (const f of ['=HYPERLINK("http://x")', '+1+2', '-1+2', '@SUM(A1)', '\t=1', '\r=1', '-', '=']) expect(neutralise(f)).toBe(`'${f}`);
    for (const keep of ['Omar', 'عمر', '-0.500', '-12', '12.5', '0', '', ' =1', 'a=b']) expect(neutralise(keep)).toBe(keep);
  });

  it('writes money with the currency\'s ISO 4217 exponent', () => {
    expect(money(69_500, 'LYD')).toBe('69.500');
    expect(money(-500, 'LYD')).toBe('-0.500');
    expect(money(25_050, 'EGP')).toBe('250.50');
    expect(money(5, 'EGP')).toBe('0.05');
    expect(money(1_500, 'JPY')).toBe('1500');
    expect(money(Number.MAX_SAFE_INTEGER, 'USD')).toBe('90071992547409.91');
    // A code ISO does not know: its minor units as they are, never a guessed exponent.
    expect(money(1_234, 'ZZZ')).toBe('1234');
  });

  it('shows instants in the report\'s zone, DST included', () => {
    expect(localTime('2026-03-01T22:30:00.000Z', 'Africa/Tripoli')).toBe('2026-03-02 00:30:00');
    expect(localTime('2026-03-29T00:59:59.000Z', 'Europe/Berlin')).toBe('2026-03-29 01:59:59');
    expect(localTime('2026-03-29T01:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-29 03:00:00');
    expect(localTime(null, 'UTC')).toBe('');
  });

  it('takes IANA zone names only', () => {
    for (const tz of ['UTC', 'Africa/Tripoli', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Etc/GMT+3']) expect(isTimeZoneName(tz), tz).toBe(true);
    for (const tz of ['UTC+3', 'EST5EDT', 'Mars/Olympus', 'africa/tripoli', '', 'Africa/Tripoli; DROP TABLE sales']) expect(isTimeZoneName(tz), tz).toBe(false);
  });
});
