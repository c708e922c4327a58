import { localeTag } from './money';

/** Energy is an integer of 0.1 kWh. 125 -> "12.5" (localized grouping, Latin digits). */
export function formatTenths(tenths: number, lang: string): string {
  const whole = Math.trunc(tenths / 10);
  const tenth = Math.abs(tenths % 10);
  const text = `${whole}.${tenth}` as `${number}`;
  return new Intl.NumberFormat(localeTag(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(text);
}

/** Price per kWh is an exact decimal string of minor units, e.g. "12.5000" -> major-unit text. */
export function pricePerKwhMajor(priceMinor: string, decimals: number): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(priceMinor.trim());
  if (!m) return priceMinor;
  const digits = (m[1] ?? '0') + (m[2] ?? '');
  const scale = (m[2] ?? '').length + decimals;
  const padded = digits.padStart(scale + 1, '0');
  const units = padded.slice(0, padded.length - scale).replace(/^0+(?=\d)/, '');
  const fraction = padded.slice(padded.length - scale).replace(/0+$/, '');
  const minFraction = Math.min(decimals, scale);
  return `${units}.${fraction.padEnd(minFraction, '0')}`.replace(/\.$/, '');
}

export function formatPricePerKwh(priceMinor: string, currency: string, decimals: number, lang: string): string {
  const text = pricePerKwhMajor(priceMinor, decimals) as `${number}`;
  const fractionDigits = text.includes('.') ? (text.split('.')[1] ?? '').length : 0;
  try {
    return new Intl.NumberFormat(localeTag(lang), {
      style: 'currency',
      currency,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: Math.max(fractionDigits, 0),
    }).format(text);
  } catch {
    return `${text} ${currency}`;
  }
}
