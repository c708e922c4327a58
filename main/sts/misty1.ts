import type { U64 } from './hex';
import { S7, S9 } from './misty1-sboxes';

/**
 * MISTY1 (RFC 2994): 64-bit block, 128-bit key, 8 rounds — the cipher behind STS EA11.
 * The expanded key EK holds 16 words: EK[0..7] = K as 16-bit words, EK[8..15] = FI(EK[i], EK[i+1]).
 * (The RFC's EK[16..31] are just the 9/7-bit halves of EK[8..15]; FI splits its key itself.)
 */
export type Misty1Key = Uint16Array;

function fi(x: number, k: number): number {
  let d9 = x >>> 7;
  let d7 = x & 0x7f;
  d9 = S9[d9]! ^ d7;
  d7 = S7[d7]! ^ (d9 & 0x7f);
  d7 ^= k >>> 9;
  d9 ^= k & 0x1ff;
  d9 = S9[d9]! ^ d7;
  return (d7 << 9) | d9;
}

export function misty1Schedule(key: Uint8Array): Misty1Key {
  const ek = new Uint16Array(16);
  for (let i = 0; i < 8; i++) ek[i] = (key[2 * i]! << 8) | key[2 * i + 1]!;
  for (let i = 0; i < 8; i++) ek[i + 8] = fi(ek[i]!, ek[(i + 1) % 8]!);
  return ek;
}

function fo(ek: Misty1Key, x: number, k: number): number {
  let t0 = x >>> 16;
  let t1 = x & 0xffff;
  t0 ^= ek[k]!;
  t0 = fi(t0, ek[((k + 5) % 8) + 8]!);
  t0 ^= t1;
  t1 ^= ek[(k + 2) % 8]!;
  t1 = fi(t1, ek[((k + 1) % 8) + 8]!);
  t1 ^= t0;
  t0 ^= ek[(k + 7) % 8]!;
  t0 = fi(t0, ek[((k + 3) % 8) + 8]!);
  t0 ^= t1;
  t1 ^= ek[(k + 4) % 8]!;
  return ((t1 << 16) | t0) >>> 0;
}

/** FL's two subkeys for index k: even k uses (EK[k/2], EK'[(k/2+6)%8]); odd k (EK'[(k-1)/2+2)%8], EK[((k-1)/2+4)%8]). */
function flKeys(ek: Misty1Key, k: number): [number, number] {
  const h = k >> 1;
  return k % 2 === 0 ? [ek[h]!, ek[((h + 6) % 8) + 8]!] : [ek[((h + 2) % 8) + 8]!, ek[(h + 4) % 8]!];
}

function fl(ek: Misty1Key, x: number, k: number): number {
  const [andKey, orKey] = flKeys(ek, k);
  let d0 = x >>> 16;
  let d1 = x & 0xffff;
  d1 ^= d0 & andKey;
  d0 ^= d1 | orKey;
  return ((d0 << 16) | d1) >>> 0;
}

function flInv(ek: Misty1Key, x: number, k: number): number {
  const [andKey, orKey] = flKeys(ek, k);
  let d0 = x >>> 16;
  let d1 = x & 0xffff;
  d0 ^= d1 | orKey;
  d1 ^= d0 & andKey;
  return ((d0 << 16) | d1) >>> 0;
}

export function misty1Encrypt(ek: Misty1Key, block: U64): U64 {
  let d0 = block.hi >>> 0;
  let d1 = block.lo >>> 0;
  // rounds in pairs: FL layer on both halves every other round, then two Feistel rounds
  for (let r = 0; r < 8; r += 2) {
    d0 = fl(ek, d0, r);
    d1 = fl(ek, d1, r + 1);
    d1 = (d1 ^ fo(ek, d0, r)) >>> 0;
    d0 = (d0 ^ fo(ek, d1, r + 1)) >>> 0;
  }
  d0 = fl(ek, d0, 8);
  d1 = fl(ek, d1, 9);
  return { hi: d1, lo: d0 }; // the halves come out swapped
}

export function misty1Decrypt(ek: Misty1Key, block: U64): U64 {
  let d0 = block.lo >>> 0;
  let d1 = block.hi >>> 0;
  d0 = flInv(ek, d0, 8);
  d1 = flInv(ek, d1, 9);
  for (let r = 6; r >= 0; r -= 2) {
    d0 = (d0 ^ fo(ek, d1, r + 1)) >>> 0;
    d1 = (d1 ^ fo(ek, d0, r)) >>> 0;
    d0 = flInv(ek, d0, r);
    d1 = flInv(ek, d1, r + 1);
  }
  return { hi: d0, lo: d1 };
}
