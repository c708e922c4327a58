// Console passwords: scrypt from node:crypto, a random salt per password, and the cost parameters
// kept beside the hash so a later, higher cost does not invalidate the passwords made before it.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface PasswordHash {
  salt: Buffer;
  hash: Buffer;
  n: number;
  r: number;
  p: number;
}

/** OWASP's scrypt floor is N=2^17 with r=8; 2^15 keeps a sign-in near 100 ms on a small server
 * while a stolen table still costs an attacker 32 MiB and the same time per guess. */
export const SCRYPT_COST = { n: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const SALT_LENGTH = 16;


function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  // maxmem must cover 128 * N * r bytes, or node refuses the parameters.
  const opts: ScryptOptions = { N: n, r, p, maxmem: 256 * n * r };
  return new Promise((resolve, reject) => scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(SALT_LENGTH);
  const { n, r, p } = SCRYPT_COST;
  return { salt, hash: await derive(password, salt, n, r, p), n, r, p };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const key = await derive(password, stored.salt, stored.n, stored.r, stored.p);
  return key.length === stored.hash.length && timingSafeEqual(key, stored.hash);
}

/** Checked against when the username is unknown, so that answer takes as long as a wrong password. */
let decoy: Promise<PasswordHash> | null = null;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await decoy);
  return false;
}
