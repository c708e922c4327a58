// The master-data pages' own arithmetic: amounts typed in major units become integer minor units
// exactly (never through a float), and which schedule version prices sales now.
import { describe, expect, it } from 'vitest';
import { amountText, readAmount } from '../../../head-office/console/web/lib/amount';
import { versionStatuses } from '../../../head-office/console/web/pages/master/schedule-status';
import { schedule } from '../../helpers/master-data-fixtures';

describe('amounts in the master-data forms', () => {
  it('reads major units into minor units by the currency decimals, exactly', () => {
    expect(readAmount('12.34', 2)).toEqual({ ok: true, minor: 1234 });
    expect(readAmount('0.29', 2)).toEqual({ ok: true, minor: 29 }); // 0.29 * 100 is 28.999999999999996 as a float
    expect(readAmount('١٥٠٠', 0)).toEqual({ ok: true, minor: 1500 });
    expect(readAmount('1.005', 3)).toEqual({ ok: true, minor: 1005 });
    expect(readAmount('', 2, { optional: true })).toEqual({ ok: true, minor: null });
    expect(readAmount('0', 0, { allowZero: true })).toEqual({ ok: true, minor: 0 });
  });

  it('refuses what is not an amount of this currency, in both languages', () => {
    const fraction = readAmount('12.5', 0);
    expect(fraction.ok).toBe(false);
    if (!fraction.ok) expect(fraction.message).toEqual({ ar: 'هذه العملة لا تقبل كسورًا: أدخل عددًا صحيحًا.', en: 'This currency has no fractions: enter a whole number.' });
    expect(readAmount('1.234', 2).ok).toBe(false);
    expect(readAmount('12,5', 2).ok).toBe(false);
    expect(readAmount('0', 2).ok).toBe(false);
    expect(readAmount('', 2).ok).toBe(false);
  });

  it('shows minor units as the text of an amount field', () => {
    expect(amountText(10050, 2)).toBe('100.5');
    expect(amountText(1500, 0)).toBe('1500');
    expect(amountText(null, 2)).toBe('');
  });
});

describe('schedule versions', () => {
  it('marks the latest begun version current, later ones upcoming, earlier ones superseded', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    const versions = [
      schedule({ version: 1, effectiveFrom: '2026-01-01T00:00:00Z' }),
      schedule({ version: 2, effectiveFrom: '2026-05-01T00:00:00Z' }),
      schedule({ version: 3, effectiveFrom: '2026-07-01T00:00:00Z' }),
    ];
    expect(Object.fromEntries(versionStatuses(versions, now))).toEqual({ 1: 'superseded', 2: 'current', 3: 'upcoming' });
    // Two versions from the same instant: the higher number prices.
    expect(versionStatuses([...versions, schedule({ version: 4, effectiveFrom: '2026-05-01T00:00:00Z' })], now).get(4)).toBe('current');
    expect(versionStatuses([versions[2]!], now).get(3)).toBe('upcoming');
  });
});
