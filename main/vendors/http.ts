// The JSON protocol's HTTP helper (PROTOCOL.md) every JSON vendor client uses: signs, sends JSON,
// validates the body with zod; deadlines, safe retries and the three VendorOutcomes come from the
// exchange all protocols share (http-core.ts). Clients only describe requests.
import type { z } from 'zod';
import type { VendorEndpointConfig } from './config';
import { classifyResponse } from './http-classify';
import { exchange, type AttemptRecorder } from './http-core';
import { HEADER, signedHeaders } from './signing';
import type { VendorOutcome } from './outcome';

export interface VendorRequest<T> {
  method: 'GET' | 'POST';
  /** Path under the base URL, starting with "/"; each segment already encoded. */
  path: string;
  body?: unknown;
  /** Sent as Idempotency-Key; a keyed request may be retried because the vendor dedupes it. */
  idempotencyKey?: string;
  /** Safe to send twice without a key (e.g. an upsert by id). GET is always safe. */
  retrySafe?: boolean;
  schema: z.ZodType<T>;
  /**
   * Latest moment (Unix ms) an attempt may start: a sale's deadline. Later, no attempt is sent
   * (one already under way finishes). Default: the call's whole budget, timeout x attempts.
   */
  notAfterMs?: number;
}

// Told of every attempt of a keyed request before its first byte leaves (main/vendors/attempt-ledger.ts).
export type { AttemptRecorder } from './http-core';

export interface VendorHttp {
  send<T>(req: VendorRequest<T>): Promise<VendorOutcome<T>>;
}

export interface VendorHttpOptions {
  /** First backoff delay; doubles each retry, plus up to as much again of random jitter. */
  retryBaseDelayMs?: number;
  userAgent?: string;
  attempts?: AttemptRecorder;
}

export function createVendorHttp(cfg: VendorEndpointConfig, opts: VendorHttpOptions = {}): VendorHttp {
  const base = new URL(cfg.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const userAgent = opts.userAgent ?? 'Shahn-POS';
  const core = { timeoutMs: cfg.timeoutMs, retryAttempts: cfg.retryAttempts, retryBaseDelayMs: opts.retryBaseDelayMs, attempts: opts.attempts };

  return {
    send<T>(req: VendorRequest<T>): Promise<VendorOutcome<T>> {
      const path = prefix + req.path;
      const body = req.body === undefined ? '' : JSON.stringify(req.body);
      const mayRetry = req.method === 'GET' || req.idempotencyKey !== undefined || req.retrySafe === true;
      return exchange(core, {
        method: req.method,
        url: `${base.origin}${path}`,
        body,
        headers: (atMs) => {
          const headers: Record<string, string> = {
            accept: 'application/json',
            'user-agent': userAgent,
            ...signedHeaders(cfg, { method: req.method, path, body }, atMs),
          };
          if (req.method === 'POST') headers['content-type'] = 'application/json; charset=utf-8';
          if (req.idempotencyKey !== undefined) headers[HEADER.idempotencyKey] = req.idempotencyKey;
          return headers;
        },
        key: req.idempotencyKey === undefined ? undefined : { value: req.idempotencyKey, operation: `${req.method} ${req.path}` },
        retry: mayRetry ? 'always' : 'never',
        notAfterMs: req.notAfterMs,
        classify: (status, text) => classifyResponse(status, text, req.schema),
      });
    },
  };
}
