// Money is an integer of minor units. No float arithmetic here: digits are moved as strings.
import type { Bilingual } from '../../preload/contract';

const MAX_MINOR = 1_000_000_000_000;

/** "12345", 2 -> "123.45"; "5", 2 -> "0.05"; decimals 0 -> "12345". */
export function minorToDecimalString(minor: number, decimals: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an integer of minor units: ${minor}`);
  const negative = minor < 0;
  const digits = String(Math.abs(minor));
  if (decimals === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(decimals + 1, '0');
  const units = padded.slice(0, padded.length - decimals);
  const fraction = padded.slice(padded.length - decimals);
  return `${negative ? '-' : ''}${units}.${fraction}`;
}

/**
 * Latin digits by default in both languages (the cashier types Latin digits and STS tokens are
 * Latin); 'ar-arab' is Arabic with Arabic-Indic digits for counters that prefer them. Tokens and
 * meter numbers are never localised.
 */
export function localeTag(lang: string): string {
  if (lang === 'ar-arab') return 'ar-u-nu-arab';
  return lang === 'ar' ? 'ar-u-nu-latn' : 'en-u-nu-latn';
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: string, currency: string | null, decimals: number): Intl.NumberFormat {
  const key = `${lang}|${currency ?? ''}|${decimals}`;
  let nf = formatters.get(key);
  if (!nf) {
    const opts: Intl.NumberFormatOptions = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
    if (currency) {
      opts.style = 'currency';
      opts.currency = currency;
      opts.currencyDisplay = 'symbol';
    }
    try {
      nf = new Intl.NumberFormat(localeTag(lang), opts);
    } catch {
      nf = new Intl.NumberFormat(localeTag(lang), { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    }
    formatters.set(key, nf);
  }
  return nf;
}

/** Exact decimal string -> localized text. Intl takes decimal strings exactly (ES2023). */
function formatDecimalString(text: string, lang: string, currency: string | null, decimals: number): string {
  return formatter(lang, currency, decimals).format(text as `${number}`);
}

/** 12345 minor, SAR, 2 decimals -> "SAR 123.45" / "‏123.45 ر.س.‏". */
export function formatMoney(minor: number, currency: string, decimals: number, lang: string): string {
  return formatDecimalString(minorToDecimalString(minor, decimals), lang, currency, decimals);
}

/** Same digits, no currency symbol (for inputs and quick buttons). */
export function formatAmount(minor: number, decimals: number, lang: string): string {
  return formatDecimalString(minorToDecimalString(minor, decimals), lang, null, decimals);
}

/** Major units as typed into an input (no grouping): 10050, 2 -> "100.50"; 10000, 2 -> "100". */
export function minorToInput(minor: number, decimals: number): string {
  const s = minorToDecimalString(minor, decimals);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';

/** Arabic-Indic / Persian digits and the Arabic decimal separator -> ASCII. */
export function normalizeDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const a = ARABIC_INDIC.indexOf(ch);
    const p = PERSIAN.indexOf(ch);
    if (a >= 0) out += String(a);
    else if (p >= 0) out += String(p);
    else if (ch === '٫') out += '.';
    else out += ch;
  }
  return out;
}

/**
 * What a cash field keeps of what was typed or tapped on its keypad: digits (Arabic-Indic made
 * Latin) and decimal points, at most 16 characters. Anything else cannot be part of an amount,
 * so it is dropped as typed; the text is still read exactly by parseMajorToMinor when sent.
 */
export function keepAmountChars(text: string): string {
  return normalizeDigits(text).replace(/[^\d.]/g, '').slice(0, 16);
}

export type ParseResult = { ok: true; minor: number } | { ok: false; message: Bilingual };

/** "100" / "100.5" / "100.50" (major units) -> minor units, with exact string arithmetic. */
export function parseMajorToMinor(text: string, decimals: number, opts: { allowZero?: boolean } = {}): ParseResult {
  const s = normalizeDigits(text).trim();
  if (s === '') return { ok: false, message: { ar: 'أدخل المبلغ.', en: 'Enter an amount.' } };
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) {
    return {
      ok: false,
      message: {
        ar: 'المبلغ غير صحيح: استخدم الأرقام ونقطة عشرية واحدة فقط، مثل 100 أو 100.50.',
        en: 'Invalid amount: use digits and at most one decimal point, e.g. 100 or 100.50.',
      },
    };
  }
  const units = m[1] ?? '0';
  const fraction = m[2] ?? '';
  if (fraction.length > decimals) {
    return decimals === 0
      ? { ok: false, message: { ar: 'هذه العملة لا تقبل كسورًا: أدخل عددًا صحيحًا.', en: 'This currency has no fractions: enter a whole number.' } }
      : {
          ok: false,
          message: {
            ar: `المبلغ يقبل ${decimals} خانة عشرية على الأكثر.`,
            en: `At most ${decimals} decimal place${decimals === 1 ? '' : 's'} allowed.`,
          },
        };
  }
  const digits = (units + fraction.padEnd(decimals, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 13 || Number(digits) > MAX_MINOR) {
    return { ok: false, message: { ar: 'المبلغ كبير جدًا.', en: 'The amount is too large.' } };
  }
  const minor = Number(digits);
  if (minor === 0 && !opts.allowZero) {
    return { ok: false, message: { ar: 'المبلغ يجب أن يكون أكبر من صفر.', en: 'The amount must be more than zero.' } };
  }
  return { ok: true, minor };
}
