// AES-256-GCM sealing under the counter's master key, shared by the vending-key store and the
// vendor settings (API keys and secrets). A sealed value is base64(iv 12 | tag 16 | ciphertext);
// the associated data names what the value is for, so a sealed value copied into another row or
// field does not open. Errors never contain the plain text.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export class SealError extends Error {
  override name = 'SealError';
}

export function seal(masterKey: Buffer, plain: string, aad: string): string {
  if (masterKey.length !== 32) throw new SealError('the master key must be 32 bytes');
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', masterKey, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
}

/** The plain text, or SealError (wrong master key, other associated data, damaged value). */
export function unseal(masterKey: Buffer, sealed: string, aad: string): string {
  const buf = Buffer.from(sealed, 'base64');
  if (buf.length < 28) throw new SealError('the sealed value is damaged');
  try {
    const d = createDecipheriv('aes-256-gcm', masterKey, buf.subarray(0, 12));
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(buf.subarray(12, 28));
    return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
  } catch {
    throw new SealError('the sealed value cannot be opened (wrong master key or damaged value)');
  }
}
