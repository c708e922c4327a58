// The console's reports helpers: the sales-per-day answer pivoted into one currency's chart and
// totals (never adding currencies, a zero for a day without sales, the busiest group first), the
// filters turned into the JSON path and the CSV link, and money, days and ages as the page writes them.
import { describe, expect, it } from 'vitest';
import type { SalesByDayRow } from '../../../head-office/reports/wire';
import { ageParts, addDays, chartOf, currenciesOf, daysBetween, totalsByGroup, varianceTone } from '../../../head-office/console/web/lib/report-pivot';
import { rangeProblem, reportCsvHref, reportPath } from '../../../head-office/console/web/lib/report-query';
import { compactMoney, dayLabel, reportMoney, timeIn, today } from '../../../head-office/console/web/lib/report-format';

const amounts = (count: number, chargedMinor: number, energyTenths = 0) => ({ count, chargedMinor, valueMinor: chargedMinor, energyTenths });
const ZERO = amounts(0, 0);
function row(day: string, key: string, currency: string, sold: ReturnType<typeof amounts>, over: Partial<SalesByDayRow> = {}): SalesByDayRow {
  return {
    day, key, label: { ar: `نقطة ${key}`, en: `Counter ${key}` }, currency, currencyDecimals: currency === 'LYD' ? 3 : 2, isoDecimals: currency === 'LYD' ? 3 : 2, flags: [],
    sold, open: ZERO, refunded: { count: 0, chargedMinor: 0 }, ...over,
  };
}

const ROWS: SalesByDayRow[] = [
  row('2026-03-01', '1', 'LYD', amounts(2, 30_000, 800), { refunded: { count: 2, chargedMinor: 4_500 } }),
  row('2026-03-01', '2', 'LYD', amounts(1, 15_000)),
  row('2026-03-01', '3', 'EGP', amounts(1, 25_050, 1_500)),
  row('2026-03-03', '1', 'LYD', amounts(1, 5_000, 400), { open: amounts(1, 7_000, 560) }),
  row('2026-03-03', '2', 'LYD', amounts(1, 60_000, 480), { open: amounts(1, 4_000, 320) }),
];

describe('sales per day pivoted for one currency', () => {
  it('lists the currencies of the answer, the one with the most sales first', () => {
    expect(currenciesOf(ROWS)).toEqual([
      { unit: 'LYD:3', currency: 'LYD', decimals: 3, flags: [], sales: 9 },
      { unit: 'EGP:2', currency: 'EGP', decimals: 2, flags: [], sales: 1 },
    ]);
    expect(currenciesOf([])).toEqual([]);
  });

  it('keeps a currency counted in other decimals apart, as another unit of money with its flag', () => {
    const odd = row('2026-03-01', '9', 'LYD', amounts(4, 300), { currencyDecimals: 2, flags: ['DECIMALS_NOT_ISO'] });
    const units = currenciesOf([...ROWS, odd]);
    expect(units.map((u) => [u.unit, u.sales, u.flags])).toEqual([['LYD:3', 9, []], ['LYD:2', 4, ['DECIMALS_NOT_ISO']], ['EGP:2', 1, []]]);
    expect(totalsByGroup([...ROWS, odd], 'LYD:3').total.sold).toEqual(totalsByGroup(ROWS, 'LYD:3').total.sold);
    expect(totalsByGroup([...ROWS, odd], 'LYD:2').total.sold).toEqual(amounts(4, 300));
  });

  it('totals each group in one currency, the biggest seller first, and their sum; another currency is left out', () => {
    const { groups, total } = totalsByGroup(ROWS, 'LYD:3');
    expect(groups.map((g) => [g.key, g.sold, g.open, g.refunded])).toEqual([
      ['2', amounts(2, 75_000, 480), amounts(1, 4_000, 320), { count: 0, chargedMinor: 0 }],
      ['1', amounts(3, 35_000, 1_200), amounts(1, 7_000, 560), { count: 2, chargedMinor: 4_500 }],
    ]);
    expect(groups[0]!.label).toEqual({ ar: 'نقطة 2', en: 'Counter 2' });
    expect(total).toMatchObject({ sold: amounts(5, 110_000, 1_680), open: amounts(2, 11_000, 880), refunded: { count: 2, chargedMinor: 4_500 } });
    expect(totalsByGroup(ROWS, 'EGP:2').total.sold).toEqual(amounts(1, 25_050, 1_500));
  });

  it('gives one chart point per day of the range (zero on a day without sales) and one series per group, in the totals\' order', () => {
    const { series, points } = chartOf(ROWS, 'LYD:3', '2026-02-28', '2026-03-03');
    expect(series).toEqual([
      { id: 's0', key: '2', label: { ar: 'نقطة 2', en: 'Counter 2' } },
      { id: 's1', key: '1', label: { ar: 'نقطة 1', en: 'Counter 1' } },
    ]);
    expect(points).toEqual([
      { day: '2026-02-28', s0: 0, s1: 0 },
      { day: '2026-03-01', s0: 15_000, s1: 30_000 },
      { day: '2026-03-02', s0: 0, s1: 0 },
      { day: '2026-03-03', s0: 60_000, s1: 5_000 },
    ]);
  });

  it('names series by position, so a group key with dots (a cashier "A. Omar") is never read as a path', () => {
    const { series, points } = chartOf([row('2026-03-01', '1:A. Omar', 'LYD', amounts(1, 100))], 'LYD:3', '2026-03-01', '2026-03-01');
    expect(series[0]!.id).toBe('s0');
    expect(points).toEqual([{ day: '2026-03-01', s0: 100 }]);
  });
});

describe('days', () => {
  it('counts calendar days inclusively across month ends, leap days and DST (they are labels, not instants)', () => {
    expect(daysBetween('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(daysBetween('2026-03-28', '2026-03-30')).toHaveLength(3);
    expect(daysBetween('2026-03-02', '2026-03-01')).toEqual([]);
    expect(addDays('2026-03-01', -6)).toBe('2026-02-23');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it("takes today from the browser's own calendar, not UTC's", () => {
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(today(new Date(2026, 11, 31, 0, 1))).toBe('2026-12-31');
  });

  it('says what is wrong with a range before asking', () => {
    expect(rangeProblem({ from: '2026-03-01', to: '2026-03-07' })).toBeNull();
    expect(rangeProblem({ from: '2026-03-01', to: '2026-03-01' })).toBeNull();
    expect(rangeProblem({ from: '2026-03-08', to: '2026-03-07' })).toBe('order');
    expect(rangeProblem({ from: '', to: '2026-03-07' })).toBe('missing');
    expect(rangeProblem({ from: '2028-01-01', to: '2028-12-31' })).toBeNull();
    expect(rangeProblem({ from: '2026-01-01', to: '2027-01-02' })).toBe('long');
  });
});

describe('what the page asks the service', () => {
  const sales = { kind: 'sales-by-day' as const, filters: { from: '2026-03-01', to: '2026-03-07', by: 'cashier' as const, counter: '3', product: '' } };

  it('sends only the filters set', () => {
    expect(reportPath(sales)).toBe('/reports/sales-by-day?from=2026-03-01&to=2026-03-07&by=cashier&counter=3');
    expect(reportPath({ kind: 'z-reports', filters: { from: '2026-03-01', to: '2026-03-07', counter: '' } })).toBe('/reports/z-reports?from=2026-03-01&to=2026-03-07');
    expect(reportPath({ kind: 'outstanding', filters: { counter: '' } })).toBe('/reports/outstanding');
  });

  it('links the CSV with the same filters and the page language', () => {
    expect(reportCsvHref(sales, 'ar')).toBe('/console/api/reports/sales-by-day.csv?from=2026-03-01&to=2026-03-07&by=cashier&counter=3&lang=ar');
    expect(reportCsvHref({ kind: 'outstanding', filters: { counter: '2' } }, 'en')).toBe('/console/api/reports/outstanding.csv?counter=2&lang=en');
  });
});

describe('how the page writes it', () => {
  it('writes money from minor units by the decimals the service gave, or as minor units for a code ISO does not know', () => {
    expect(reportMoney(1_234_500, 'LYD', 3, 'en')).toContain('1,234.500');
    expect(reportMoney(-1_500, 'YER', 0, 'en')).toMatch(/-.*1,500/);
    expect(reportMoney(1_234, 'XTS', null, 'en')).toBe('1,234 XTS');
    expect(reportMoney(25_050, 'EGP', 2, 'ar')).toContain('250.50');
  });

  it('labels a chart axis compactly without floats', () => {
    expect(compactMoney(32_000_000, 2, 'en')).toBe('320K');
    expect(compactMoney(1_500_000, 0, 'en')).toBe('1.5M');
    expect(compactMoney(0, 3, 'en')).toBe('0');
    expect(compactMoney(320_000, 0, 'ar')).toMatch(/^320\s?ألف$/);
  });

  it('writes a report day as the day it is, whatever the browser zone', () => {
    expect(dayLabel('2026-03-01', 'en')).toBe('Mar 1');
    expect(dayLabel('2026-03-01', 'en', true)).toBe('Sun, Mar 1');
    expect(dayLabel('2026-03-01', 'ar')).toBe('1 مارس');
  });

  it("writes times in the report's zone", () => {
    expect(timeIn('2026-03-01T22:30:00.000Z', 'Africa/Tripoli', 'en')).toBe('Mar 2, 2026, 00:30');
    expect(timeIn('2026-03-01T22:30:00.000Z', 'UTC', 'en')).toBe('Mar 1, 2026, 22:30');
    expect(timeIn(null, 'UTC', 'en')).toBe('—');
  });

  it('splits an age into days, hours and minutes, and reads a variance', () => {
    expect(ageParts(2 * 86_400 + 5 * 3_600 + 59)).toEqual({ days: 2, hours: 5, minutes: 0 });
    expect(ageParts(3_599)).toEqual({ days: 0, hours: 0, minutes: 59 });
    expect(ageParts(-5)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect([varianceTone(-1), varianceTone(0), varianceTone(500)]).toEqual(['short', 'even', 'over']);
  });
});
