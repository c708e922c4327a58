// Money, energy and times as the console shows them. Money arrives in integer minor units with its
// currency; how many decimals the currency has is ISO 4217's answer as the browser knows it.
import { formatMoney } from '../../../../renderer/lib/money';
import { formatTenths } from '../../../../renderer/lib/energy';

export type Lang = 'ar' | 'en';

const isoDecimalsCache = new Map<string, number>();
export function currencyDecimals(code: string): number {
  let d = isoDecimalsCache.get(code);
  if (d === undefined) {
    try {
      d = Math.min(3, new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2);
    } catch {
      d = 2;
    }
    isoDecimalsCache.set(code, d);
  }
  return d;
}

export const money = (minor: number, currency: string, lang: Lang): string => formatMoney(minor, currency, currencyDecimals(currency), lang);
/** Money in decimals given by the service (master data's HEAD_OFFICE_CURRENCY_DECIMALS), as its forms type them. */
export { formatMoney };

export const kwh = (tenths: number, lang: Lang): string => formatTenths(tenths, lang);

const dateTimes = new Map<string, Intl.DateTimeFormat>();
export function dateTime(iso: string | null, lang: Lang): string {
  if (iso === null) return '—';
  let f = dateTimes.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    dateTimes.set(lang, f);
  }
  return f.format(new Date(iso));
}

export const whole = (n: number, lang: Lang): string => new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en').format(n);
