// Number and time formatting for receipts. Money is an integer of minor units and prices are exact
// decimal strings, so everything here is string arithmetic: a float would print 0.1 + 0.2 wrong
// sooner or later, and a receipt is a legal record. Digits are always Latin (0-9) because the
// customer types them into a keypad and the cashier reads them aloud.

import { formatMinor } from '../common/money';

function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 123456 minor units with 2 decimals -> "1,234.56". */
export function formatMoney(minor: number, decimals: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`money must be an integer of minor units, got ${minor}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) throw new RangeError(`bad currencyDecimals ${decimals}`);
  return formatMinor(minor, decimals).replace(/^-?\d+/, (intPart) => groupThousands(intPart));
}

/** 125 tenths of a kWh -> "12.5". */
export function formatEnergy(tenths: number): string {
  if (!Number.isSafeInteger(tenths) || tenths < 0) throw new RangeError(`energy must be a non-negative integer of 0.1 kWh, got ${tenths}`);
  return groupThousands(String(Math.floor(tenths / 10))) + '.' + String(tenths % 10);
}

/**
 * A price stored as minor units per kWh ("12.5000") shown in major units per kWh ("0.125" with
 * 2 currency decimals). Shifting the decimal point is exact; trailing zeros are trimmed but at
 * least `decimals` fraction digits stay, so a price reads like the money next to it.
 */
export function formatPricePerKwh(pricePerKwhMinor: string, decimals: number): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(pricePerKwhMinor.trim());
  if (!m) throw new RangeError(`pricePerKwh must be a plain decimal string, got "${pricePerKwhMinor}"`);
  const intIn = m[1] ?? '0';
  const fracIn = m[2] ?? '';
  const all = (intIn + fracIn).padStart(fracIn.length + decimals + 1, '0');
  const point = all.length - fracIn.length - decimals;
  let intPart = all.slice(0, point).replace(/^0+(?=\d)/, '');
  let frac = all.slice(point).replace(/0+$/, '');
  if (frac.length < decimals) frac = frac.padEnd(decimals, '0');
  if (intPart === '') intPart = '0';
  return groupThousands(intPart) + (frac.length > 0 ? '.' + frac : '');
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** ISO-8601 UTC instant -> "2026-03-14 18:05:09" in the counter's IANA zone (24 h, Latin digits). */
export function formatLocalDateTime(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new RangeError(`bad timestamp "${iso}"`);
  let fmt = dateFormatters.get(timeZone);
  if (!fmt) {
    // en-US with latn digits and h23 gives stable parts on every ICU build; layout is ours.
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    dateFormatters.set(timeZone, fmt);
  }
  const p: Record<string, string> = {};
  for (const part of fmt.formatToParts(at)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** "12345678901234567890" -> "1234 5678 9012 3456 7890". */
export function groupToken(digits: string): string[] {
  if (!/^\d{20}$/.test(digits)) throw new RangeError('an STS token is exactly 20 digits');
  return digits.match(/\d{4}/g) ?? [];
}
