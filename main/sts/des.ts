import type { U64 } from './hex';

/**
 * Single DES (FIPS 46-3), encryption only: DKGA02 needs nothing else. Written in plain TS
 * because Node 20's OpenSSL 3 refuses 'des-ecb' unless the legacy provider is loaded.
 *
 * Tables use the standard's numbering: bit 1 is the most significant bit.
 * The round function works on 32-bit integers with S-boxes pre-combined with P ("SP" tables);
 * the initial/final permutations and key schedule are done bit by bit (they run once per block
 * or per key, and clarity wins there).
 */

const IP = [
  58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24,
  16, 8, 57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31,
  23, 15, 7,
];
const PC1 = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36, 63, 55,
  47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];
const PC2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2, 41, 52, 31, 37, 47, 55, 30, 40,
  51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];
const SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
const P = [16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25];

/** Eight S-boxes, each 4 rows of 16, row = outer bits, column = inner four bits. */
export const DES_SBOXES: readonly (readonly number[])[] = [
  [14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8, 4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13],
  [15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5, 0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9],
  [10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1, 13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12],
  [7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9, 10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14],
  [2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6, 4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3],
  [12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8, 9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13],
  [4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6, 1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12],
  [13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2, 7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11],
];

/** SP[i*64 + v]: S-box i applied to 6-bit input v, placed at its nibble and passed through P. */
const SP = (() => {
  const t = new Uint32Array(8 * 64);
  for (let i = 0; i < 8; i++) {
    for (let v = 0; v < 64; v++) {
      const row = ((v >> 4) & 2) | (v & 1);
      const col = (v >> 1) & 15;
      const s = DES_SBOXES[i]![row * 16 + col]!;
      const before = s << (28 - 4 * i); // S-box i fills output bits 4i+1..4i+4 (MSB-first)
      let after = 0;
      for (let n = 0; n < 32; n++) if ((before >>> (32 - P[n]!)) & 1) after |= 1 << (31 - n);
      t[i * 64 + v] = after >>> 0;
    }
  }
  return t;
})();

function bitsOf(bytes: Uint8Array): number[] {
  const bits: number[] = [];
  for (const b of bytes) for (let k = 7; k >= 0; k--) bits.push((b >> k) & 1);
  return bits;
}

/** 16 round keys, each as eight 6-bit chunks (one per S-box). */
export function desKeySchedule(key: Uint8Array): Uint8Array {
  const kb = bitsOf(key);
  let c = PC1.slice(0, 28).map((n) => kb[n - 1]!);
  let d = PC1.slice(28).map((n) => kb[n - 1]!);
  const out = new Uint8Array(16 * 8);
  for (let r = 0; r < 16; r++) {
    const s = SHIFTS[r]!;
    c = c.slice(s).concat(c.slice(0, s));
    d = d.slice(s).concat(d.slice(0, s));
    const cd = c.concat(d);
    for (let j = 0; j < 8; j++) {
      let chunk = 0;
      for (let b = 0; b < 6; b++) chunk = (chunk << 1) | cd[PC2[j * 6 + b]! - 1]!;
      out[r * 8 + j] = chunk;
    }
  }
  return out;
}

/** Output bit n (MSB-first) = input bit table[n]. */
function permute64(v: U64, table: readonly number[]): U64 {
  let hi = 0;
  let lo = 0;
  for (let n = 0; n < 64; n++) {
    const src = table[n]! - 1;
    const bit = src < 32 ? (v.hi >>> (31 - src)) & 1 : (v.lo >>> (63 - src)) & 1;
    if (n < 32) hi |= bit << (31 - n);
    else lo |= bit << (63 - n);
  }
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

const FP = (() => {
  const inv = new Array<number>(64);
  IP.forEach((src, n) => (inv[src - 1] = n + 1));
  return inv;
})();

function f(r: number, ks: Uint8Array, round: number): number {
  const k = round * 8;
  // E expansion: chunk i is bits 4i..4i+5 of R (1-based, wrapping bit 0 to bit 32).
  let out = SP[0 * 64 + ((((r & 1) << 5) | (r >>> 27)) ^ ks[k]!)]!;
  for (let i = 1; i < 7; i++) out ^= SP[i * 64 + (((r >>> (27 - 4 * i)) & 0x3f) ^ ks[k + i]!)]!;
  out ^= SP[7 * 64 + ((((r & 0x1f) << 1) | (r >>> 31)) ^ ks[k + 7]!)]!;
  return out;
}

export function desEncryptBlock(ks: Uint8Array, block: U64): U64 {
  const x = permute64(block, IP);
  let l = x.hi;
  let r = x.lo;
  for (let round = 0; round < 16; round++) {
    const t = (l ^ f(r, ks, round)) >>> 0;
    l = r;
    r = t;
  }
  return permute64({ hi: r, lo: l }, FP); // the last round does not swap: output is R16 L16
}

export function desEncrypt(key: Uint8Array, block: U64): U64 {
  return desEncryptBlock(desKeySchedule(key), block);
}
