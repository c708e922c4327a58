// The sales-per-day answer reshaped for one chart and its totals table. The answer has one row per
// day, group and currency; a chart has one axis, so it shows one currency at a time (two currencies
// are never added or plotted against one scale), one point per day of the range (a day without
// sales is a zero, not a gap) and one series per group. Money stays integer minor units here: the
// chart plots minor units and formats them back only to label them. A currency counted in other
// decimals by some counters (the answer's rows say so) is another unit of money: its minor units
// are not the same size, so it is charted and totalled apart, like another currency.
import type { MoneyFlag, SalesByDayRow } from '../../../reports/wire';

export interface CurrencyInAnswer {
  /** The currency and its decimals as one key ("YER:0"; "YER:?" when the counters never said). */
  unit: string;
  currency: string;
  /** The decimals the rows' counters count in, or null when they never said (shown in minor units). */
  decimals: number | null;
  /** What needs a look about this unit's money (decimals unknown, not ISO 4217's, not the head office's). */
  flags: MoneyFlag[];
  /** Sales of every status in this unit: the picker offers the busiest first. */
  sales: number;
}

const salesOf = (r: SalesByDayRow) => r.sold.count + r.open.count + r.refunded.count;
/** The unit of money a row is counted in. */
export const unitOf = (r: Pick<SalesByDayRow, 'currency' | 'currencyDecimals'>) => `${r.currency}:${r.currencyDecimals ?? '?'}`;

export function currenciesOf(rows: readonly SalesByDayRow[]): CurrencyInAnswer[] {
  const by = new Map<string, CurrencyInAnswer>();
  for (const r of rows) {
    const unit = unitOf(r);
    const c = by.get(unit) ?? { unit, currency: r.currency, decimals: r.currencyDecimals, flags: [], sales: 0 };
    c.sales += salesOf(r);
    for (const f of r.flags) if (!c.flags.includes(f)) c.flags.push(f);
    by.set(unit, c);
  }
  return [...by.values()].sort((a, b) => b.sales - a.sales || a.unit.localeCompare(b.unit));
}

/** Every calendar day from `from` to `to`, both inclusive (days are labels: no time zone here). */
export function daysBetween(from: string, to: string, max = 366): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (d <= end && out.length < max) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/** A calendar day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export interface Amounts { count: number; chargedMinor: number; valueMinor: number; energyTenths: number }
export interface GroupTotals {
  key: string;
  label: { ar: string; en: string };
  sold: Amounts;
  open: Amounts;
  refunded: { count: number; chargedMinor: number };
}

const zero = (): Amounts => ({ count: 0, chargedMinor: 0, valueMinor: 0, energyTenths: 0 });
const add = (a: Amounts, b: Amounts) => {
  a.count += b.count;
  a.chargedMinor += b.chargedMinor;
  a.valueMinor += b.valueMinor;
  a.energyTenths += b.energyTenths;
};
const emptyTotals = (key: string, label: { ar: string; en: string }): GroupTotals => ({ key, label, sold: zero(), open: zero(), refunded: { count: 0, chargedMinor: 0 } });
function addRow(t: GroupTotals, r: SalesByDayRow): void {
  add(t.sold, r.sold);
  add(t.open, r.open);
  t.refunded.count += r.refunded.count;
  t.refunded.chargedMinor += r.refunded.chargedMinor;
}

/**
 * Each group's totals over the range in one currency, the group that sold the most first (the same
 * order as the chart's series and colours), and the sum of them all.
 */
export function totalsByGroup(rows: readonly SalesByDayRow[], unit: string): { groups: GroupTotals[]; total: GroupTotals } {
  const by = new Map<string, GroupTotals>();
  const total = emptyTotals('', { ar: '', en: '' });
  for (const r of rows) {
    if (unitOf(r) !== unit) continue;
    let g = by.get(r.key);
    if (!g) by.set(r.key, (g = emptyTotals(r.key, r.label)));
    addRow(g, r);
    addRow(total, r);
  }
  const groups = [...by.values()].sort((a, b) => b.sold.chargedMinor - a.sold.chargedMinor || b.open.chargedMinor - a.open.chargedMinor || a.key.localeCompare(b.key));
  return { groups, total };
}

export interface ChartSeries {
  /** The chart's own name for it ("s0", "s1", …): a group key may hold dots a chart reads as a path. */
  id: string;
  key: string;
  label: { ar: string; en: string };
}
export interface ChartPoint {
  day: string;
  /** Money charged for delivered (issued) sales, minor units, by series id. */
  [seriesId: string]: string | number;
}

/** One point per day of the range with each group's delivered sales' charged money in `unit` (unitOf). */
export function chartOf(rows: readonly SalesByDayRow[], unit: string, from: string, to: string): { series: ChartSeries[]; points: ChartPoint[] } {
  const { groups } = totalsByGroup(rows, unit);
  const series = groups.map((g, i) => ({ id: `s${i}`, key: g.key, label: g.label }));
  const idOf = new Map(series.map((s) => [s.key, s.id]));
  const points = daysBetween(from, to).map((day) => {
    const p: ChartPoint = { day };
    for (const s of series) p[s.id] = 0;
    return p;
  });
  const at = new Map(points.map((p) => [p.day, p]));
  for (const r of rows) {
    if (unitOf(r) !== unit) continue;
    const p = at.get(r.day);
    const id = idOf.get(r.key);
    if (p && id) p[id] = (p[id] as number) + r.sold.chargedMinor;
  }
  return { series, points };
}

/** An age in whole days, hours and minutes (an outstanding sale's, or a counter's silence). */
export function ageParts(seconds: number): { days: number; hours: number; minutes: number } {
  const s = Math.max(0, Math.floor(seconds));
  return { days: Math.floor(s / 86_400), hours: Math.floor((s % 86_400) / 3_600), minutes: Math.floor((s % 3_600) / 60) };
}

/** How a cash variance reads: short (counted less than expected), over, or even. */
export const varianceTone = (varianceMinor: number): 'short' | 'over' | 'even' => (varianceMinor < 0 ? 'short' : varianceMinor > 0 ? 'over' : 'even');
