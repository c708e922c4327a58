import { StsError } from './errors';

/**
 * The 16-bit amount field: exponent e (2 bits) and mantissa m (14 bits),
 * value = 10^e·m + Σ_{n=1..e} 2^14·10^(n-1). The offsets make the four ranges contiguous apart
 * from the rounding steps, so the field is monotonic in the value. Everything is integer tenths
 * (or watts, for power limits): a float kWh is never multiplied here.
 */
const OFFSET = [0, 16384, 180224, 1818624] as const;
const STEP = [1, 10, 100, 1000] as const;
const MANTISSA_MAX = 0x3fff;

/** Largest encodable value: e=3, m=16383 -> 18 201 624 tenths = 1 820 162.4 kWh. */
export const AMOUNT_MAX = OFFSET[3] + STEP[3] * MANTISSA_MAX;

/**
 * Smallest representable value >= `value` (rounding UP: a customer never gets less than paid
 * for; the seller quotes the kWh before encoding, so the rounding is at most one step).
 */
export function encodeAmount(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > AMOUNT_MAX) {
    throw new StsError('AMOUNT_RANGE', `amount must be an integer from 0 to ${AMOUNT_MAX} (tenths)`);
  }
  for (let e = 0; e < 4; e++) {
    const offset = OFFSET[e as 0]!;
    const step = STEP[e as 0]!;
    if (value <= offset + step * MANTISSA_MAX) {
      // Values in the gap just below an offset (e.g. 180215..180223) land on m = 0 of this e.
      const m = Math.max(0, Math.ceil((value - offset) / step));
      return ((e << 14) | m) >>> 0;
    }
  }
  /* c8 ignore next */
  throw new StsError('AMOUNT_RANGE', 'amount out of range');
}

export function decodeAmount(field: number): number {
  if (!Number.isInteger(field) || field < 0 || field > 0xffff) {
    throw new StsError('BAD_INPUT', 'amount field must be a 16-bit integer');
  }
  const e = field >>> 14;
  return OFFSET[e as 0]! + STEP[e as 0]! * (field & MANTISSA_MAX);
}
