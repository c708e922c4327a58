// The decoder key in a lease grant travels encrypted for the one counter that asked: AES-256-GCM
// (main/keys/seal.ts) under a key derived with HKDF-SHA256 from that counter's own API secret,
// which only it and the head office know. The associated data binds the value to the counter, the
// meter and the lease's expiry, so a grant copied to another counter, meter or expiry does not
// open. Nothing on the way (a log, a proxy, the body) ever holds the decoder key in the clear.
import { hkdfSync } from 'node:crypto';
import { seal, unseal } from '../../keys/seal';

const SALT = Buffer.from('shahn meter lease v1', 'utf8');
const INFO = Buffer.from('decoder key transport', 'utf8');

function transportKey(counterSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(counterSecret, 'utf8'), SALT, INFO, 32));
}

export const leaseAad = (counterKey: string, meter: string, expiresAt: string) => `lease|${counterKey}|${meter}|${expiresAt}`;

export function sealDecoderKey(counter: { apiKey: string; apiSecret: string }, meter: string, expiresAt: string, decoderKeyHex: string): string {
  const key = transportKey(counter.apiSecret);
  try {
    return seal(key, decoderKeyHex, leaseAad(counter.apiKey, meter, expiresAt));
  } finally {
    key.fill(0);
  }
}

/** The decoder key (hex), or SealError: another counter's grant, a tampered one, or a wrong secret. */
export function openDecoderKey(counter: { apiKey: string; apiSecret: string }, meter: string, expiresAt: string, sealed: string): string {
  const key = transportKey(counter.apiSecret);
  try {
    return unseal(key, sealed, leaseAad(counter.apiKey, meter, expiresAt));
  } finally {
    key.fill(0);
  }
}
