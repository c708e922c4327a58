import type { U64 } from './hex';

/**
 * EA07, the Standard Transfer Algorithm: 16 rounds of a key-selected nibble substitution followed
 * by a fixed bit permutation. The round key is rotr64(~K, 12), rotated left by one each round;
 * bit 4i+3 of it picks S2 (1) or S1 (0) for nibble i.
 *
 * Speed: a round is done per byte with one lookup that already includes the substitution and the
 * permutation of that byte (table indexed by byte position, the two selector bits of its nibbles
 * and the byte value). A key's 16×8 selectors are computed once (EA07Schedule).
 */
export const S1 = [14, 10, 7, 9, 12, 3, 2, 5, 13, 0, 15, 1, 4, 8, 6, 11] as const;
export const S2 = [12, 8, 2, 13, 7, 6, 1, 3, 11, 5, 9, 15, 0, 4, 10, 14] as const;
export const PERM = [
  55, 42, 10, 18, 24, 21, 44, 35, 2, 22, 56, 43, 27, 58, 9, 50, 6, 36, 12, 61, 37, 38, 53, 16, 62, 3, 7, 4, 32, 20, 63, 25,
  51, 52, 54, 33, 49, 19, 46, 29, 48, 31, 23, 30, 41, 28, 13, 5, 40, 60, 39, 11, 15, 17, 1, 0, 57, 34, 59, 8, 47, 14, 45, 26,
] as const;

const inverse = (s: readonly number[]): number[] => s.reduce<number[]>((inv, v, i) => ((inv[v] = i), inv), []);
const S1_INV = inverse(S1);
const S2_INV = inverse(S2);

/** Substitutes both nibbles of a byte; bit 0 of `sel` chooses the low nibble's box, bit 1 the high one's. */
function subByte(v: number, sel: number, s1: readonly number[], s2: readonly number[]): number {
  const lo = (sel & 1 ? s2 : s1)[v & 15]!;
  const hi = (sel & 2 ? s2 : s1)[v >> 4]!;
  return (hi << 4) | lo;
}

/** Where the 8 bits of byte j (bits 8j..8j+7) go under `perm` (output bit perm[i] = input bit i). */
function spread(j: number, v: number, perm: readonly number[], out: Uint32Array, at: number): void {
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 8; b++) {
    if (!((v >> b) & 1)) continue;
    const to = perm[8 * j + b]!;
    if (to < 32) lo |= 1 << to;
    else hi |= 1 << (to - 32);
  }
  out[at] = hi >>> 0;
  out[at + 1] = lo >>> 0;
}

// ENC[((j*4 + sel)*256 + v)*2 + {0: hi, 1: lo}] = permute(substitute(byte j = v)).
const ENC = new Uint32Array(8 * 4 * 256 * 2);
// DEC_PERM[(j*256 + v)*2 + …] = inverse permutation of byte j = v; DEC_SUB[sel*256 + v] = inverse substitution.
const PERM_INV = inverse(PERM);
const DEC_PERM = new Uint32Array(8 * 256 * 2);
const DEC_SUB = new Uint8Array(4 * 256);
for (let j = 0; j < 8; j++) {
  for (let v = 0; v < 256; v++) {
    for (let sel = 0; sel < 4; sel++) spread(j, subByte(v, sel, S1, S2), PERM, ENC, ((j * 4 + sel) * 256 + v) * 2);
    spread(j, v, PERM_INV, DEC_PERM, (j * 256 + v) * 2);
  }
}
for (let sel = 0; sel < 4; sel++) for (let v = 0; v < 256; v++) DEC_SUB[sel * 256 + v] = subByte(v, sel, S1_INV, S2_INV);

/** Per round r and byte j: offset (j*4 + sel)*512 into ENC. sel is recoverable as (off >> 9) & 3. */
export type EA07Schedule = Int32Array;

export function ea07Schedule(key: U64): EA07Schedule {
  // k = rotr64(~K, 12)
  const nh = ~key.hi >>> 0;
  const nl = ~key.lo >>> 0;
  let hi = ((nh >>> 12) | (nl << 20)) >>> 0;
  let lo = ((nl >>> 12) | (nh << 20)) >>> 0;
  const sched = new Int32Array(16 * 8);
  for (let r = 0; r < 16; r++) {
    for (let j = 0; j < 8; j++) {
      const w = j < 4 ? lo : hi;
      const sh = 8 * (j & 3);
      const sel = ((w >>> (sh + 3)) & 1) | (((w >>> (sh + 7)) & 1) << 1);
      sched[r * 8 + j] = (j * 4 + sel) * 512;
    }
    const carry = hi >>> 31; // k = rotl64(k, 1)
    hi = ((hi << 1) | (lo >>> 31)) >>> 0;
    lo = ((lo << 1) | carry) >>> 0;
  }
  return sched;
}

export function ea07Encrypt(s: EA07Schedule, block: U64): U64 {
  let hi = block.hi;
  let lo = block.lo;
  for (let r = 0; r < 128; r += 8) {
    let i = s[r]! + ((lo & 0xff) << 1);
    let nh = ENC[i]!;
    let nl = ENC[i + 1]!;
    i = s[r + 1]! + (((lo >>> 8) & 0xff) << 1);
    nh |= ENC[i]!;
    nl |= ENC[i + 1]!;
    i = s[r + 2]! + (((lo >>> 16) & 0xff) << 1);
    nh |= ENC[i]!;
    nl |= ENC[i + 1]!;
    i = s[r + 3]! + ((lo >>> 24) << 1);
    nh |= ENC[i]!;
    nl |= ENC[i + 1]!;
    i = s[r + 4]! + ((hi & 0xff) << 1);
    nh |= ENC[i]!;
    nl |= ENC[i + 1]!;
    i = s[r + 5]! + (((hi >>> 8) & 0xff) << 1);
    nh |= ENC[i]!;
    nl |= ENC[i + 1]!;
    i = s[r + 6]! + (((hi >>> 16) & 0xff) << 1);
    nh |= ENC[i]!;
    nl |= ENC[i + 1]!;
    i = s[r + 7]! + ((hi >>> 24) << 1);
    hi = (nh | ENC[i]!) >>> 0;
    lo = (nl | ENC[i + 1]!) >>> 0;
  }
  return { hi, lo };
}

/** The rounds backwards: undo the permutation, then the substitution with that round's selectors. */
export function ea07Decrypt(s: EA07Schedule, block: U64): U64 {
  let hi = block.hi;
  let lo = block.lo;
  for (let r = 15; r >= 0; r--) {
    let ph = 0;
    let pl = 0;
    for (let j = 0; j < 8; j++) {
      const v = ((j < 4 ? lo : hi) >>> (8 * (j & 3))) & 0xff;
      ph |= DEC_PERM[(j * 256 + v) * 2]!;
      pl |= DEC_PERM[(j * 256 + v) * 2 + 1]!;
    }
    let nh = 0;
    let nl = 0;
    for (let j = 0; j < 8; j++) {
      const sel = (s[r * 8 + j]! >> 9) & 3;
      const sh = 8 * (j & 3);
      const v = DEC_SUB[sel * 256 + (((j < 4 ? pl : ph) >>> sh) & 0xff)]!;
      if (j < 4) nl |= v << sh;
      else nh |= v << sh;
    }
    hi = nh >>> 0;
    lo = nl >>> 0;
  }
  return { hi, lo };
}
