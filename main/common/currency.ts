// ISO 4217 through the runtime's ICU data: the list of codes and each code's minor-unit exponent
// are maintained there (LYD 3, ZAR 2, JPY 0), so no hand-kept table can go stale.

/** Every currency code ICU lists, or null on a runtime without Intl.supportedValuesOf. */
const KNOWN: ReadonlySet<string> | null = typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : null;

/** True for a current ISO 4217 code in capitals ("LYD"); false for "R", "lyd", "AZM" (withdrawn in 2006). */
export function isIsoCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  if (KNOWN) return KNOWN.has(code);
  // Intl accepts any three letters as a currency; only a known one has a display name (ICU also
  // names withdrawn codes there, so this fallback is the looser of the two).
  return new Intl.DisplayNames('en', { type: 'currency', fallback: 'none' }).of(code) !== undefined;
}

/** The ISO 4217 minor-unit exponent of a currency (YER 2, KWD 3, JPY 0), as ICU knows it. */
export function isoDecimals(code: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
}
