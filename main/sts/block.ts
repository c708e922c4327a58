import { cipherFor, type Ea } from './cipher';
import { blockCrc } from './crc';
import type { U64 } from './hex';
import { insertClass, token66ToDigits } from './transpose';

/**
 * Data block layout shared by every token: subclass(4) | body(44) | CRC(16).
 * Callers build hi (bits 63..32) and the top half of lo (bits 31..16); this fills in the CRC.
 */
export function sealBlock(cls: number, hi: number, lo: number): U64 {
  const h = hi >>> 0;
  const l = (lo & 0xffff0000) >>> 0;
  return { hi: h, lo: (l | blockCrc(cls, h, l)) >>> 0 };
}

/** hi/lo of the usual body: RND(4) | TID(24) | field(16). Inputs are already range-checked. */
export function tidBody(subclass: number, rnd: number, tid: number, field: number): U64 {
  return { hi: ((subclass << 28) | (rnd << 24) | tid) >>> 0, lo: (field << 16) >>> 0 };
}

/** Seal, encrypt with the decoder key, transpose the class in and print 20 digits. */
export function encryptedToken(cls: number, body: U64, decoderKey: string, ea: Ea = '07'): string {
  const block = sealBlock(cls, body.hi, body.lo);
  return token66ToDigits(insertClass(cls, cipherFor(decoderKey, ea).encrypt(block)));
}

/** Class 1 tokens are read by the meter without a key: the block is transposed as it is. */
export function plainToken(cls: number, body: U64): string {
  return token66ToDigits(insertClass(cls, sealBlock(cls, body.hi, body.lo)));
}
