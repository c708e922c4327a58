// How the reports page writes money, days and times. Money comes with the decimals the service gave
// for its currency (ISO 4217's; null for a code ISO does not know, shown as the minor units it is,
// as the CSV export does). Times are shown in the report's time zone, the one its days are cut in.
import { formatMoney, localeTag, minorToDecimalString } from '../../../../renderer/lib/money';
import type { Lang } from './format';

export function reportMoney(minor: number, currency: string, decimals: number | null, lang: Lang): string {
  return decimals === null ? `${new Intl.NumberFormat(localeTag(lang)).format(minor)} ${currency}` : formatMoney(minor, currency, decimals, lang);
}

const compacts = new Map<Lang, Intl.NumberFormat>();
/** A chart axis's short label: "12K", "1.5M" ("12 ألف" in Arabic), from minor units without floats. */
export function compactMoney(minor: number, decimals: number | null, lang: Lang): string {
  let f = compacts.get(lang);
  if (!f) compacts.set(lang, (f = new Intl.NumberFormat(localeTag(lang), { notation: 'compact', maximumFractionDigits: 1 })));
  return f.format(minorToDecimalString(minor, decimals ?? 0) as `${number}`);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** A report day (YYYY-MM-DD, already the report zone's): "Mon 2 Mar" / "الاثنين 2 مارس". */
export function dayLabel(day: string, lang: Lang, withWeekday = false): string {
  const key = `${lang}|${withWeekday}`;
  let f = dayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(localeTag(lang), { timeZone: 'UTC', day: 'numeric', month: 'short', ...(withWeekday ? { weekday: 'short' } : {}) });
    dayFormats.set(key, f);
  }
  return f.format(new Date(`${day}T00:00:00Z`));
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** An instant as the wall time in the report's zone. */
export function timeIn(iso: string | null, timeZone: string, lang: Lang): string {
  if (iso === null) return '—';
  const key = `${lang}|${timeZone}`;
  let f = timeFormats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(localeTag(lang), { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      // A zone the browser does not know (older ICU than the service's): the browser's own zone.
      f = new Intl.DateTimeFormat(localeTag(lang), { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    }
    timeFormats.set(key, f);
  }
  return f.format(new Date(iso));
}

/** Today in the browser, as a report day; the page's default range ends here. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
