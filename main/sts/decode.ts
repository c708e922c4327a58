import { decodeAmount } from './amount';
import { cipherFor, type Ea } from './cipher';
import { blockCrc } from './crc';
import { u64ToHex, type U64 } from './hex';
import { digitsToToken66, extractClass } from './transpose';

/**
 * What a meter would read from a token. Fields are filled per class/subclass; when crcOk is
 * false they are whatever the wrong key or a mistyped digit produced and must not be acted on.
 */
export interface DecodedToken {
  class: number;
  subclass: number;
  crcOk: boolean;
  /** The decrypted 64-bit data block (natural-order hex), for diagnostics. */
  dataBlock?: string;
  rnd?: number;
  tid?: number;
  field?: number;
  /** class 0: the credit in tenths (or the subclass's unit). */
  amountTenths?: number;
  /** class 2 sub 0 / 6: limit in watts. */
  watts?: number;
  /** class 2 sub 1: register to clear. */
  register?: number;
  /** class 2 sub 3/4 (key change). */
  kenho?: number;
  kenlo?: number;
  krn?: number;
  rollover?: boolean;
  res?: number;
  keyType?: number;
  ti?: number;
  /** Bits 63..32 (sub 3) or 31..0 (sub 4) of the new key, 8 hex digits. */
  newKeyHigh?: string;
  newKeyLow?: string;
  /** class 1 (test) tokens. */
  control?: number;
  mfr?: number;
}

/** Throws StsError BAD_TOKEN for text that is not a 20-digit token below 2^66, BAD_KEY for a bad key. */
export function decodeToken(decoderKey: string, token: string, ea: Ea = '07'): DecodedToken {
  const { cls, cipher } = extractClass(digitsToToken66(token));
  // class 1 is sent in the clear; every other class is encrypted with the decoder key
  const block: U64 = cls === 1 ? cipher : cipherFor(decoderKey, ea).decrypt(cipher);
  const { hi, lo } = block;
  const subclass = hi >>> 28;
  const out: DecodedToken = {
    class: cls,
    subclass,
    crcOk: blockCrc(cls, hi, lo) === (lo & 0xffff),
    dataBlock: u64ToHex(block),
  };
  const rnd = (hi >>> 24) & 15;
  const tid = hi & 0xffffff;
  const field = lo >>> 16;
  if (cls === 0) {
    Object.assign(out, { rnd, tid, field, amountTenths: decodeAmount(field) });
  } else if (cls === 2 && subclass === 3) {
    const nkhi = (((hi & 0xffff) << 16) | field) >>> 0;
    Object.assign(out, {
      kenho: rnd,
      krn: (hi >>> 20) & 15,
      rollover: ((hi >>> 19) & 1) === 1,
      res: (hi >>> 18) & 1,
      keyType: (hi >>> 16) & 3,
      newKeyHigh: nkhi.toString(16).padStart(8, '0'),
    });
  } else if (cls === 2 && subclass === 4) {
    const nklo = (((hi & 0xffff) << 16) | field) >>> 0;
    Object.assign(out, { kenlo: rnd, ti: (hi >>> 16) & 0xff, newKeyLow: nklo.toString(16).padStart(8, '0') });
  } else if (cls === 2) {
    Object.assign(out, { rnd, tid, field });
    if (subclass === 0 || subclass === 6) out.watts = decodeAmount(field);
    if (subclass === 1) out.register = field;
  } else if (cls === 1 && subclass === 0) {
    out.control = (hi & 0x0fffffff) * 256 + (lo >>> 24);
    out.mfr = (lo >>> 16) & 0xff;
  } else if (cls === 1 && subclass === 1) {
    out.control = hi & 0x0fffffff;
    out.mfr = lo >>> 16;
  }
  return out;
}
