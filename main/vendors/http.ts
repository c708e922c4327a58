// The one HTTP helper every vendor client uses: signs, applies the deadline, retries what is safe
// to retry, validates the body with zod and maps everything to the three VendorOutcomes. Clients
// only describe requests; no client talks to axios directly.
import http from 'node:http';
import https from 'node:https';
import axios from 'axios';
import type { z } from 'zod';
import type { VendorEndpointConfig } from './config';
import { classifyFailure, classifyResponse, type Attempt } from './http-classify';
import { HEADER, signedHeaders } from './signing';
import { type VendorOutcome, unknown } from './outcome';

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
}

export interface VendorHttp {
  send<T>(req: VendorRequest<T>): Promise<VendorOutcome<T>>;
}

export interface VendorHttpOptions {
  /** First backoff delay; doubles each retry, plus up to as much again of random jitter. */
  retryBaseDelayMs?: number;
  userAgent?: string;
}

const MAX_BACKOFF_MS = 10_000;

export function createVendorHttp(cfg: VendorEndpointConfig, opts: VendorHttpOptions = {}): VendorHttp {
  const base = new URL(cfg.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  // No keep-alive: a pooled socket the server already closed fails with ECONNRESET, which we
  // would have to report as "unknown" for a request that never left. A counter sells a few
  // hundred times a day; a fresh connection per call costs nothing that matters.
  const agent = base.protocol === 'https:' ? new https.Agent({ keepAlive: false }) : new http.Agent({ keepAlive: false });
  const baseDelay = opts.retryBaseDelayMs ?? 250;
  const userAgent = opts.userAgent ?? 'Shahn-POS';

  async function attempt<T>(req: VendorRequest<T>, path: string, body: string): Promise<Attempt<T>> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': userAgent,
      ...signedHeaders(cfg, { method: req.method, path, body }),
    };
    if (req.method === 'POST') headers['content-type'] = 'application/json; charset=utf-8';
    if (req.idempotencyKey !== undefined) headers[HEADER.idempotencyKey] = req.idempotencyKey;
    // One hard deadline for the whole exchange (connect + send + wait + read), not a socket
    // idle timer that a slowly trickling server could keep alive forever.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, cfg.timeoutMs);
    try {
      const res = await axios.request<string>({
        url: `${base.origin}${path}`,
        method: req.method,
        headers,
        data: req.method === 'POST' ? body : undefined,
        adapter: 'http',
        httpAgent: agent,
        httpsAgent: agent,
        signal: controller.signal,
        maxRedirects: 0,
        maxContentLength: 5 * 1024 * 1024,
        responseType: 'text',
        // Raw text in and out: we sign the exact bytes and parse (and validate) ourselves.
        transformRequest: [(d: unknown) => d],
        transformResponse: [(d: unknown) => d],
        validateStatus: () => true,
      });
      return classifyResponse(res.status, typeof res.data === 'string' ? res.data : '', req.schema);
    } catch (err) {
      return classifyFailure(err, timedOut, cfg.timeoutMs);
    } finally {
      clearTimeout(timer);
    }
  }

  async function send<T>(req: VendorRequest<T>): Promise<VendorOutcome<T>> {
    const path = prefix + req.path;
    const body = req.body === undefined ? '' : JSON.stringify(req.body);
    const mayRetry = req.method === 'GET' || req.idempotencyKey !== undefined || req.retrySafe === true;
    const attempts = 1 + (mayRetry ? cfg.retryAttempts : 0);
    let anyArrived = false;
    let arrivedBeforeLast = false;
    let last: Attempt<T> | undefined;
    for (let i = 0; i < attempts; i++) {
      if (i > 0) await sleep(Math.min(MAX_BACKOFF_MS, baseDelay * 2 ** (i - 1) + Math.random() * baseDelay));
      arrivedBeforeLast = anyArrived;
      last = await attempt(req, path, body);
      anyArrived ||= last.mayHaveArrived;
      if (!last.retryable) break;
    }
    const outcome = last!.outcome;
    // "unreachable:" promises the vendor never saw the request. After an earlier attempt that
    // may have arrived (a timeout, a reset), a refused connection on the last try proves nothing.
    if (outcome.kind === 'unknown' && !last!.mayHaveArrived && anyArrived) {
      return unknown(`no answer: an earlier attempt may have arrived (last attempt ${outcome.reason})`);
    }
    // A refusal of a retry says nothing about an earlier attempt that may have been acted on (a
    // charge that timed out, then a 401 for clock drift): for a keyed change that is "unknown",
    // resolved by asking about the key, never a refund while a token may exist.
    if (outcome.kind === 'refused' && req.idempotencyKey !== undefined && arrivedBeforeLast) {
      return unknown(`refused on a retry (${outcome.code}) after an earlier attempt that may have arrived`);
    }
    return outcome;
  }

  return { send };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
