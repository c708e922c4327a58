// Every request is signed by a counter (main/vendors/signing.ts, the same code the counters sign
// with): the API key names the counter, the HMAC over method, path, timestamp and body proves it
// holds the secret, and the timestamp must be within 5 minutes of our clock when the request
// ARRIVES. A revoked counter is told so only after its signature checks out, so a stranger cannot
// learn which keys once existed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { HEADER, verifySignature, type Credentials } from '../main/vendors/signing';
import { credentialsOf } from './counters';
import { counterByApiKey, touchCounter, type CounterRow } from './db/counters';
import { AUTH_TEXT, refuse } from './errors';

export interface AuthedCounter {
  id: number;
  name: string;
}

/** Last seen is written at most this often per counter: a busy counter does not write on every push. */
const TOUCH_EVERY_MS = 30_000;

/** "Shahn-POS/1.4.2 …" → "1.4.2"; the counter sends no version yet unless its user agent carries one. */
export function appVersionOf(userAgent: string | undefined): string | null {
  const m = /^Shahn-POS\/([0-9A-Za-z.+-]{1,32})/.exec(userAgent ?? '');
  return m ? m[1]! : null;
}

export function signedCounters(deps: { pool: pg.Pool; sealingKey: Buffer; now: () => number; maxSkewMs?: number }) {
  return async function authenticate(req: FastifyRequest, reply: FastifyReply): Promise<AuthedCounter | null> {
    const arrivedAt = req.arrivedAt;
    const header = req.headers[HEADER.apiKey];
    const apiKey = typeof header === 'string' ? header : undefined;
    let row: CounterRow | undefined;
    let creds: Credentials | undefined;
    if (apiKey) {
      row = await counterByApiKey(deps.pool, apiKey);
      if (row) creds = credentialsOf(row, deps.sealingKey);
    }
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const v = verifySignature({ method: req.method, path: req.url, headers: req.headers, body }, (k) => (k === creds?.apiKey ? creds : undefined), arrivedAt, deps.maxSkewMs);
    if (!v.ok) {
      req.log.info({ failure: v.failure, counter: row?.name }, 'signature refused');
      refuse(reply, 401, v.failure, AUTH_TEXT[v.failure].en, AUTH_TEXT[v.failure].ar);
      return null;
    }
    const counter = row!;
    if (counter.revokedAt !== null) {
      req.log.warn({ counter: counter.name }, 'revoked counter refused');
      refuse(reply, 401, 'COUNTER_REVOKED', AUTH_TEXT.COUNTER_REVOKED.en, AUTH_TEXT.COUNTER_REVOKED.ar);
      return null;
    }
    const version = appVersionOf(req.headers['user-agent']);
    if (counter.lastSeenAt === null || deps.now() - counter.lastSeenAt.getTime() > TOUCH_EVERY_MS || (version !== null && version !== counter.appVersion)) {
      await touchCounter(deps.pool, counter.id, version);
    }
    return { id: counter.id, name: counter.name };
  };
}
