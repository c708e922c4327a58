// Exact decimals for prices: a price is held as a BigInt count of 1/10000 of a minor unit
// (prices may carry up to 4 decimals of the minor unit). No float ever touches money.
export const PRICE_SCALE = 10_000n;
const DECIMAL = /^(\d{1,12})(?:\.(\d{1,4}))?$/;

export function parsePrice(text: string): bigint {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new RangeError(`not a price with at most 4 decimals: "${text}"`);
  return BigInt(m[1]!) * PRICE_SCALE + BigInt((m[2] ?? '').padEnd(4, '0'));
}

export function formatPrice(scaled: bigint): string {
  const whole = scaled / PRICE_SCALE;
  const frac = (scaled % PRICE_SCALE).toString().padStart(4, '0');
  return `${whole}.${frac}`;
}

/** ceil(a / b) for non-negative BigInts. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** Exact percentage as basis points of a percent x 100 ("15" -> 150000, "2.5" -> 25000; scale 1e4). */
export function parsePercent(text: string): bigint {
  const m = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!m) throw new RangeError(`not a percentage: "${text}"`);
  const v = BigInt(m[1]!) * 10_000n + BigInt((m[2] ?? '').padEnd(4, '0'));
  if (v > 100n * 10_000n) throw new RangeError(`percentage above 100: "${text}"`);
  return v;
}
