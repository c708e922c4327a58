import { StsError } from './errors';
import type { U64 } from './hex';

/**
 * 64-bit encrypted block + 2-bit class -> 66-bit number -> 20 decimal digits, and back.
 *
 * The class travels in the clear so a meter knows how to decrypt: it takes the place of cipher
 * bits 28 and 27, which move to bits 65 and 64. 2^66 < 10^20, so 20 digits always suffice.
 * The decimal conversion uses three 22-bit limbs and plain numbers (no BigInt on the hot path).
 */
export interface Token66 {
  top: number; // bits 65..64
  hi: number; // bits 63..32
  lo: number; // bits 31..0
}

const CLASS_MASK = 3 << 27;

export function insertClass(cls: number, cipher: U64): Token66 {
  const top = (cipher.lo >>> 27) & 3; // bit 28 -> 65, bit 27 -> 64
  const lo = ((cipher.lo & ~CLASS_MASK) | ((cls & 3) << 27)) >>> 0;
  return { top, hi: cipher.hi >>> 0, lo };
}

export function extractClass(t: Token66): { cls: number; cipher: U64 } {
  const cls = (t.lo >>> 27) & 3;
  const lo = ((t.lo & ~CLASS_MASK) | ((t.top & 3) << 27)) >>> 0;
  return { cls, cipher: { hi: t.hi >>> 0, lo } };
}

const LIMB = 4194304; // 2^22
const E7 = 10_000_000;

export function token66ToDigits(t: Token66): string {
  // limbs, most significant first: bits 65..44, 43..22, 21..0
  let a = ((t.hi >>> 12) | ((t.top & 3) << 20)) >>> 0;
  let b = ((t.lo >>> 22) | ((t.hi & 0xfff) << 10)) >>> 0;
  let c = t.lo & 0x3fffff;
  const parts: number[] = [];
  for (let k = 0; k < 2; k++) {
    // divide the 66-bit number by 10^7 (every intermediate stays below 2^53)
    let cur = a;
    const qa = Math.floor(cur / E7);
    cur = (cur - qa * E7) * LIMB + b;
    const qb = Math.floor(cur / E7);
    cur = (cur - qb * E7) * LIMB + c;
    const qc = Math.floor(cur / E7);
    parts.push(cur - qc * E7);
    a = qa;
    b = qb;
    c = qc;
  }
  // what is left is < 2^66 / 10^14 < 10^6
  const rest = a * LIMB * LIMB + b * LIMB + c;
  return pad(rest, 6) + pad(parts[1]!, 7) + pad(parts[0]!, 7);
}

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0000000'.slice(0, width - s.length) + s;
}

/** Accepts 20 digits, optionally grouped with spaces or dashes as printed on receipts. */
export function normaliseToken(token: unknown): string {
  if (typeof token !== 'string') throw new StsError('BAD_TOKEN', 'token must be a string of 20 digits');
  const digits = token.replace(/[\s-]/g, '');
  if (!/^\d{20}$/.test(digits)) throw new StsError('BAD_TOKEN', 'token must be 20 digits');
  return digits;
}

export function digitsToToken66(token: string): Token66 {
  const digits = normaliseToken(token);
  // value = A·10^14 + B·10^7 + C, accumulated in four 22-bit limbs (least significant first)
  const limbs = [0, 0, 0, 0];
  for (const chunk of [digits.slice(0, 6), digits.slice(6, 13), digits.slice(13)]) {
    let carry = Number(chunk);
    const mul = chunk.length === 6 ? 0 : E7; // first chunk starts from zero
    for (let i = 0; i < 4; i++) {
      const t = limbs[i]! * mul + carry;
      limbs[i] = t % LIMB;
      carry = Math.floor(t / LIMB);
    }
  }
  if (limbs[3]! !== 0 || limbs[2]! >= LIMB) throw new StsError('BAD_TOKEN', 'token number is too large for 66 bits');
  const [c, b, a] = limbs as [number, number, number, number];
  return {
    top: a >>> 20,
    hi: (((a & 0xfffff) << 12) | (b >>> 10)) >>> 0,
    lo: (((b & 0x3ff) << 22) | c) >>> 0,
  };
}

/** "2905 4347 1393 0985 1356": groups of four, as customers type it. */
export function formatToken(token: string): string {
  const d = normaliseToken(token);
  return d.replace(/(\d{4})(?=\d)/g, '$1 ');
}
