// Request signing shared by the clients (to sign) and the simulators (to verify), so both sides
// of the protocol agree byte for byte. See PROTOCOL.md for the wire description.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const HEADER = {
  apiKey: 'x-api-key',
  merchantId: 'x-merchant-id',
  timestamp: 'x-timestamp',
  signature: 'x-signature',
  idempotencyKey: 'idempotency-key',
} as const;

/** How far a request's X-Timestamp may be from the server clock (either way). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface SignInput {
  method: string;
  /** Path and query exactly as on the request line, e.g. "/api/v1/charges/abc". */
  path: string;
  /** Unix time in milliseconds, as the decimal string sent in X-Timestamp. */
  timestamp: string;
  /** The exact body bytes sent ("" when there is none). */
  body: string | Buffer;
}

/** The string that is signed: METHOD \n PATH \n TIMESTAMP \n BODY. */
export function canonicalRequest(i: SignInput): Buffer {
  const head = Buffer.from(`${i.method.toUpperCase()}\n${i.path}\n${i.timestamp}\n`, 'utf8');
  const body = typeof i.body === 'string' ? Buffer.from(i.body, 'utf8') : i.body;
  return Buffer.concat([head, body]);
}

/** Lower-case hex HMAC-SHA256 of the canonical request with the API secret. */
export function sign(secret: string, i: SignInput): string {
  return createHmac('sha256', secret).update(canonicalRequest(i)).digest('hex');
}

export interface Credentials {
  apiKey: string;
  apiSecret: string;
  merchantId: string | null;
}

/** The authentication headers for one request (a retry is signed again with a fresh timestamp). */
export function signedHeaders(c: Credentials, i: Omit<SignInput, 'timestamp'>, now: number = Date.now()): Record<string, string> {
  const timestamp = String(now);
  const headers: Record<string, string> = {
    [HEADER.apiKey]: c.apiKey,
    [HEADER.timestamp]: timestamp,
    [HEADER.signature]: sign(c.apiSecret, { ...i, timestamp }),
  };
  if (c.merchantId !== null) headers[HEADER.merchantId] = c.merchantId;
  return headers;
}

export type VerifyFailure = 'MISSING_AUTH' | 'BAD_API_KEY' | 'BAD_MERCHANT' | 'STALE_TIMESTAMP' | 'BAD_SIGNATURE';

/**
 * Server side: checks the headers of a received request against the known credentials.
 * `lookup` maps an API key to its credentials (undefined when the key is unknown).
 */
export function verifySignature(
  req: { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: Buffer },
  lookup: (apiKey: string) => Credentials | undefined,
  now: number = Date.now(),
  maxSkewMs: number = MAX_CLOCK_SKEW_MS,
): { ok: true; credentials: Credentials } | { ok: false; failure: VerifyFailure } {
  const h = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const apiKey = h(HEADER.apiKey);
  const timestamp = h(HEADER.timestamp);
  const signature = h(HEADER.signature);
  if (!apiKey || !timestamp || !signature) return { ok: false, failure: 'MISSING_AUTH' };
  const credentials = lookup(apiKey);
  if (!credentials) return { ok: false, failure: 'BAD_API_KEY' };
  if (credentials.merchantId !== null && h(HEADER.merchantId) !== credentials.merchantId) {
    return { ok: false, failure: 'BAD_MERCHANT' };
  }
  const ts = /^\d{1,16}$/.test(timestamp) ? Number(timestamp) : NaN;
  if (!Number.isFinite(ts) || Math.abs(now - ts) > maxSkewMs) return { ok: false, failure: 'STALE_TIMESTAMP' };
  const expected = Buffer.from(sign(credentials.apiSecret, { method: req.method, path: req.path, timestamp, body: req.body }), 'hex');
  const given = /^[0-9a-fA-F]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, failure: 'BAD_SIGNATURE' };
  return { ok: true, credentials };
}
