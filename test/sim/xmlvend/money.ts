// Money on the XMLVend wire: decimal strings (Currency@value) in the server's currency, held as
// integer minor units inside with the currency's ISO 4217 exponent. Never through floating point.

/** "90.00" -> 9000 (exponent 2); "900.00000000" -> 90000; null when not a decimal or finer than a minor unit. */
export function parseMinor(value: string, exponent: number): number | null {
  const m = /^\s*(-?)(\d+)(?:\.(\d+))?\s*$/.exec(value);
  if (!m) return null;
  const [, sign, whole, frac = ''] = m;
  // Servers pad with zeros (Conlog sends 8 decimals); digits below the minor unit must be zero.
  if (/[1-9]/.test(frac.slice(exponent))) return null;
  const minor = BigInt(whole! + frac.slice(0, exponent).padEnd(exponent, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return (sign === '-' ? -1 : 1) * Number(minor);
}

/** 9000 -> "90.00" (exponent 2); 12345 -> "12.345" (exponent 3); 90 -> "90" (exponent 0). */
export function formatMinor(minor: number, exponent: number): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`formatMinor: ${minor} is not an integer amount`);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** A price per kWh as a decimal string ("0.045") -> an exact fraction of the currency unit. */
export interface DecimalPrice {
  /** The digits without the point: "0.045" -> 45n. */
  units: bigint;
  /** How many of them are decimals: "0.045" -> 3. */
  scale: number;
}

export function parsePrice(text: string): DecimalPrice {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`price per kWh "${text}" is not a decimal`);
  const frac = m[2] ?? '';
  const units = BigInt(m[1]! + frac);
  if (units === 0n) throw new Error('price per kWh must be above zero');
  return { units, scale: frac.length };
}

/** Whole 0.1 kWh that `minor` buys at `price` per kWh (rounded down: the customer is never given more than paid for). */
export function tenthsFor(minor: number, exponent: number, price: DecimalPrice): number {
  // kWh = (minor / 10^exponent) / (units / 10^scale); tenths = floor(10 * kWh), in integers.
  const num = BigInt(minor) * 10n * 10n ** BigInt(price.scale);
  const den = price.units * 10n ** BigInt(exponent);
  return Number(num / den);
}

/** The price written on a Conlog tariff step: currency per kWh with 5 decimals ("2.46000"). */
export function formatPrice(price: DecimalPrice): string {
  const scale = Math.max(price.scale, 5);
  const digits = (price.units * 10n ** BigInt(scale - price.scale)).toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
