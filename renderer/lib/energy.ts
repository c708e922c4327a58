import type { Bilingual } from '../../preload/contract';
import { localeTag, normalizeDigits } from './money';

/** Energy is an integer of 0.1 kWh. 125 -> "12.5" (localized grouping, Latin digits). */
export function formatTenths(tenths: number, lang: string): string {
  const whole = Math.trunc(tenths / 10);
  const tenth = Math.abs(tenths % 10);
  const text = `${whole}.${tenth}` as `${number}`;
  return new Intl.NumberFormat(localeTag(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(text);
}

/** A whole number in the counter's digits (preset kWh buttons). */
export function formatWhole(n: number, lang: string): string {
  return new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: 0 }).format(n);
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

/** The most energy one STS token can carry, in 0.1 kWh (the contract's limit for a sale by kWh). */
export const MAX_TOKEN_TENTHS = 18_201_624;

export type TenthsResult = { ok: true; tenths: number } | { ok: false; message: Bilingual };

/**
 * "12.5" (kWh, as typed; Arabic-Indic digits too) -> 125 (0.1 kWh). String arithmetic only: STS
 * sells in steps of 0.1 kWh, so a second decimal place is refused rather than rounded away.
 */
export function parseKwhToTenths(text: string): TenthsResult {
  const s = normalizeDigits(text).trim();
  if (s === '') return { ok: false, message: { ar: 'أدخل الطاقة بالكيلوواط ساعة.', en: 'Enter the energy in kWh.' } };
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) {
    return { ok: false, message: {
      ar: 'قيمة الطاقة غير صحيحة: استخدم الأرقام ونقطة عشرية واحدة فقط، مثل 25 أو 12.5.',
      en: 'Invalid energy: use digits and at most one decimal point, e.g. 25 or 12.5.',
    } };
  }
  const fraction = m[2] ?? '';
  if (fraction.length > 1) {
    return { ok: false, message: {
      ar: 'تُباع الطاقة بخطوات 0.1 كيلوواط ساعة: خانة عشرية واحدة على الأكثر.',
      en: 'Energy is sold in steps of 0.1 kWh: at most one decimal place.',
    } };
  }
  const digits = ((m[1] ?? '0') + fraction.padEnd(1, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 8 || Number(digits) > MAX_TOKEN_TENTHS) {
    return { ok: false, message: {
      ar: 'لا يحمل الرمز الواحد أكثر من 1,820,162.4 كيلوواط ساعة.',
      en: 'One token carries at most 1,820,162.4 kWh.',
    } };
  }
  const tenths = Number(digits);
  if (tenths === 0) return { ok: false, message: { ar: 'الحد الأدنى 0.1 كيلوواط ساعة.', en: 'The energy must be at least 0.1 kWh.' } };
  return { ok: true, tenths };
}
