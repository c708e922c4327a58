import { createHash } from 'node:crypto';

/** SHA-256 of a token's 20 digits: enough to recognise the digits again, never to recover them. */
export const tokenDigest = (digits: string) => createHash('sha256').update(digits.replace(/\D/g, '')).digest('hex');
