import { ea07Decrypt, ea07Encrypt, ea07Schedule, type EA07Schedule } from './ea07';
import { StsError } from './errors';
import { keyBytes, u64FromBytes, type U64 } from './hex';
import { misty1Decrypt, misty1Encrypt, misty1Schedule, type Misty1Key } from './misty1';

/**
 * One interface over the two encryption algorithms: EA07 (STA, 64-bit key) and EA11 (MISTY1,
 * 128-bit key). A decoder key's schedule is kept for the last few keys used, so a burst of tokens
 * for one meter (or a benchmark) does not re-expand the key; the cache holds only derived
 * schedules in memory and never leaves this module.
 */
export type Ea = '07' | '11';

export interface BlockCipher {
  encrypt(block: U64): U64;
  decrypt(block: U64): U64;
}

const CACHE_SIZE = 32;
const cache = new Map<string, BlockCipher>();

function build(ea: Ea, key: string): BlockCipher {
  if (ea === '07') {
    const s: EA07Schedule = ea07Schedule(u64FromBytes(keyBytes(key, 8, 'decoder key')));
    return { encrypt: (b) => ea07Encrypt(s, b), decrypt: (b) => ea07Decrypt(s, b) };
  }
  if (ea === '11') {
    const s: Misty1Key = misty1Schedule(keyBytes(key, 16, 'EA11 decoder key'));
    return { encrypt: (b) => misty1Encrypt(s, b), decrypt: (b) => misty1Decrypt(s, b) };
  }
  throw new StsError('BAD_INPUT', "EA must be '07' or '11'");
}

export function cipherFor(decoderKey: string, ea: Ea = '07'): BlockCipher {
  const id = ea + (typeof decoderKey === 'string' ? decoderKey.toLowerCase() : '');
  let c = cache.get(id);
  if (c) return c;
  c = build(ea, decoderKey); // validates the key before anything is cached
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(id, c);
  return c;
}
