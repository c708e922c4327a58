// The counters allowed to sign requests: registering one (a fresh API key and secret), and the
// credentials a request's signature is checked against. The secret is sealed under the head
// office's sealing key with the API key as associated data (main/keys/seal.ts, the counter's own
// sealing), so a sealed secret copied onto another counter's row does not open.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { seal, unseal } from '../main/keys/seal';
import type { Credentials } from '../main/vendors/signing';
import { insertCounter, type CounterRow } from './db/counters';

export const counterSecretAad = (apiKey: string) => `head-office counter secret ${apiKey}`;
const aad = counterSecretAad;

export interface NewCounter {
  id: number;
  name: string;
  /** What the counter is configured with: HEAD_OFFICE_KEY and HEAD_OFFICE_SECRET. */
  apiKey: string;
  apiSecret: string;
}

/** A fresh API key (names the counter in every request) and secret (signs them). */
export function newCounterCredentials(): { apiKey: string; apiSecret: string } {
  return { apiKey: `ctr-${randomBytes(9).toString('base64url')}`, apiSecret: randomBytes(32).toString('base64url') };
}

/** A new counter with a random key and secret; the secret is shown this once and kept only sealed. */
export async function registerCounter(db: Pick<pg.Pool, 'query'>, sealingKey: Buffer, name: string, given?: { apiKey: string; apiSecret: string }): Promise<NewCounter> {
  const { apiKey, apiSecret } = given ?? newCounterCredentials();
  const row = await insertCounter(db, { name, apiKey, secretSealed: seal(sealingKey, apiSecret, aad(apiKey)) });
  return { id: row.id, name: row.name, apiKey, apiSecret };
}

/** The credentials to check this counter's signatures with (throws SealError under a wrong sealing key). */
export function credentialsOf(row: CounterRow, sealingKey: Buffer): Credentials {
  return { apiKey: row.apiKey, apiSecret: unseal(sealingKey, row.secretSealed, aad(row.apiKey)), merchantId: null };
}
