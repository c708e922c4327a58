// One-time enrolment codes: an admin makes one for a named counter; the counter sends it once
// (POST /api/v1/enrol) and receives its own API key and secret. A code is a secret: it is shown
// once and stored only as its SHA-256. Codes are typed by hand, so they use 30 letters and digits
// without the look-alikes (0/O, 1/I/L, U/V), in four groups of four: about 77 random bits, far
// beyond guessing within a code's day of life behind the per-address rate limit.
import { createHash, randomInt } from 'node:crypto';
import type pg from 'pg';
import { seal } from '../main/keys/seal';
import { counterSecretAad, newCounterCredentials, type NewCounter } from './counters';
import { enrolWithCode, insertEnrolmentCode } from './db/enrolment';

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;
export const DEFAULT_VALID_HOURS = 24;
/** Longest a code may live: a week. A code nobody used is a secret lying around. */
export const MAX_VALID_HOURS = 168;

/** "abcd efgh-jkmn PQRS" → "ABCDEFGHJKMNPQRS": what the cashier typed, without the separators. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

export const codeHash = (typed: string): Buffer => createHash('sha256').update(normaliseCode(typed), 'utf8').digest();

/** A fresh code, grouped for reading out: "K7QX-M2PD-9HWT-C4RZ". */
export function newEnrolmentCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let s = '';
    for (let i = 0; i < GROUP_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    groups.push(s);
  }
  return groups.join('-');
}

export interface IssuedCode {
  code: string;
  counterName: string;
  expiresAt: Date;
}

export async function createEnrolmentCode(db: Pick<pg.Pool, 'query'>, c: { counterName: string; createdBy: string; validHours?: number }): Promise<IssuedCode> {
  const code = newEnrolmentCode();
  const validMs = Math.round((c.validHours ?? DEFAULT_VALID_HOURS) * 3_600_000);
  const row = await insertEnrolmentCode(db, { codeHash: codeHash(code), counterName: c.counterName, createdBy: c.createdBy, validMs });
  return { code, counterName: row.counterName, expiresAt: row.expiresAt };
}

/** Consumes the code and registers its counter; null when the code is wrong, used or expired (never which). */
export async function enrolCounter(pool: pg.Pool, sealingKey: Buffer, e: { code: string; counterName: string; appVersion: string | null }): Promise<NewCounter | null> {
  const { apiKey, apiSecret } = newCounterCredentials();
  const row = await enrolWithCode(pool, {
    codeHash: codeHash(e.code),
    apiKey,
    secretSealed: (key) => seal(sealingKey, apiSecret, counterSecretAad(key)),
    enrolledAs: e.counterName,
    appVersion: e.appVersion,
  });
  return row ? { id: row.id, name: row.name, apiKey, apiSecret } : null;
}
