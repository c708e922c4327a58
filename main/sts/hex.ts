import { StsError } from './errors';

/**
 * 64-bit values travel as two unsigned 32-bit halves (hi = bits 63..32, lo = bits 31..0).
 * Plain numbers keep the token hot path free of BigInt, which is an order of magnitude slower.
 */
export interface U64 {
  hi: number;
  lo: number;
}

const HEX = /^[0-9a-fA-F]*$/;

/**
 * Parses key material given as hex. The message names the key's role only: the value is secret.
 */
export function keyBytes(hex: unknown, byteLength: number | 'any', what: string): Uint8Array {
  if (typeof hex !== 'string' || !HEX.test(hex) || hex.length % 2 !== 0 || hex.length === 0) {
    throw new StsError('BAD_KEY', `${what} must be hexadecimal`);
  }
  if (byteLength !== 'any' && hex.length !== byteLength * 2) {
    throw new StsError('BAD_KEY', `${what} must be ${byteLength * 2} hex digits`);
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function u64FromBytes(b: Uint8Array, offset = 0): U64 {
  const hi = ((b[offset]! << 24) | (b[offset + 1]! << 16) | (b[offset + 2]! << 8) | b[offset + 3]!) >>> 0;
  const lo = ((b[offset + 4]! << 24) | (b[offset + 5]! << 16) | (b[offset + 6]! << 8) | b[offset + 7]!) >>> 0;
  return { hi, lo };
}

export function bytesToHex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += (x < 16 ? '0' : '') + x.toString(16);
  return s;
}

export function u64ToHex(v: U64): string {
  return (v.hi >>> 0).toString(16).padStart(8, '0') + (v.lo >>> 0).toString(16).padStart(8, '0');
}

/** For non-secret 64-bit values (data blocks in tests and diagnostics). */
export function u64FromHex(hex: string): U64 {
  if (!/^[0-9a-fA-F]{16}$/.test(hex)) throw new StsError('BAD_INPUT', 'a 64-bit value must be 16 hex digits');
  return { hi: parseInt(hex.slice(0, 8), 16) >>> 0, lo: parseInt(hex.slice(8), 16) >>> 0 };
}
