// Enrolment: the counter sends the one-time code an admin made at the head office and receives
// its own API key and secret (POST /api/v1/enrol, PROTOCOL.md). Unsigned, since the code is the
// credential, but through the shared exchange (http-core.ts) with its deadline and its reading of
// attempts. Never repeated once an attempt may have arrived: the head office may have consumed the
// code on it, and a second try would only be told the code is used.
import { exchange } from '../http-core';
import { classifyResponse } from '../http-classify';
import type { VendorOutcome } from '../outcome';
import { EnrolResultSchema, type EnrolRequest, type EnrolResult } from './wire';

export interface EnrolOptions {
  /** `Shahn-POS/<version>`: the head office records the version it was given. */
  userAgent: string;
  timeoutMs?: number;
  /** Attempts after the first, made only while no attempt can have reached the head office. */
  retryAttempts?: number;
}

export function enrolWithHeadOffice(baseUrl: string, req: EnrolRequest, opts: EnrolOptions): Promise<VendorOutcome<EnrolResult>> {
  const base = new URL(baseUrl);
  const url = `${base.origin}${base.pathname.replace(/\/+$/, '')}/api/v1/enrol`;
  return exchange(
    { timeoutMs: opts.timeoutMs ?? 15_000, retryAttempts: opts.retryAttempts ?? 2 },
    {
      method: 'POST',
      url,
      body: JSON.stringify(req),
      headers: () => ({ accept: 'application/json', 'content-type': 'application/json; charset=utf-8', 'user-agent': opts.userAgent }),
      retry: 'unsent',
      classify: (status, text) => classifyResponse(status, text, EnrolResultSchema),
    },
  );
}
