// Integer minor units as the decimal string XMLVend's Currency@value carries (ZAR 9000 -> "90.00",
// LYD 12345 -> "12.345", JPY 500 -> "500"). The exponent is ISO 4217's, as ICU keeps it; the digits
// are placed by string arithmetic on an integer, never through a float.
//
// Kept beside the writer until the reader's money.ts (decimal strings back to minor units) lands:
// the two belong in one file then, since each is the other's inverse.

/** The ISO 4217 minor-unit exponent of a currency (LYD 3, ZAR 2, JPY 0). */
export function currencyExponent(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An integer amount of minor units as a plain decimal string with exactly the currency's decimals. */
export function minorToDecimal(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`minorToDecimal: ${minor} is not a whole number of minor units`);
  const exp = currencyExponent(currency);
  const digits = Math.abs(minor).toString().padStart(exp + 1, '0');
  const whole = digits.slice(0, digits.length - exp);
  const frac = digits.slice(digits.length - exp);
  return `${minor < 0 ? '-' : ''}${whole}${exp > 0 ? `.${frac}` : ''}`;
}
