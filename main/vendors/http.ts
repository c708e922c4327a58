// The one HTTP helper every vendor client uses: signs, applies the deadline, retries what is safe
// to retry, validates the body with zod and maps everything to the three VendorOutcomes. Clients
// only describe requests; no client talks to axios directly.
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import axios from 'axios';
import type { z } from 'zod';
import type { VendorEndpointConfig } from './config';
import { classifyFailure, classifyResponse, type Attempt } from './http-classify';
import { HEADER, signedHeaders } from './signing';
import { type VendorOutcome, UNREACHABLE_PREFIX, unknown } from './outcome';
import { backoffDelay } from '../common/backoff';

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

/** Told of every attempt of a keyed request before its first byte leaves, and when it ends (main/vendors/attempt-ledger.ts). */
export interface AttemptRecorder {
  record(a: { key: string; operation: string; signedAtMs: number; timeoutMs: number; notAfterMs: number }): number;
  ended(id: number, a: { connected: boolean; endedAtMs: number }): void;
}

export interface VendorHttp {
  send<T>(req: VendorRequest<T>): Promise<VendorOutcome<T>>;
}

export interface VendorHttpOptions {
  /** First backoff delay; doubles each retry, plus up to as much again of random jitter. */
  retryBaseDelayMs?: number;
  userAgent?: string;
  attempts?: AttemptRecorder;
}

const MAX_BACKOFF_MS = 10_000;

export function createVendorHttp(cfg: VendorEndpointConfig, opts: VendorHttpOptions = {}): VendorHttp {
  const base = new URL(cfg.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const baseDelay = opts.retryBaseDelayMs ?? 250;
  const userAgent = opts.userAgent ?? 'Shahn-POS';

  async function attempt<T>(req: VendorRequest<T>, path: string, body: string, notAfterMs: number): Promise<Attempt<T>> {
    const signedAtMs = Date.now();
    // Written before anything is sent: the verdict on an unknown sale counts from the last
    // attempt that may have left, and its lookup goes where this one went.
    const recorded = req.idempotencyKey === undefined ? undefined
      : opts.attempts?.record({ key: req.idempotencyKey, operation: `${req.method} ${req.path}`, signedAtMs, timeoutMs: cfg.timeoutMs, notAfterMs });
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': userAgent,
      ...signedHeaders(cfg, { method: req.method, path, body }, signedAtMs),
    };
    if (req.method === 'POST') headers['content-type'] = 'application/json; charset=utf-8';
    if (req.idempotencyKey !== undefined) headers[HEADER.idempotencyKey] = req.idempotencyKey;
    // One hard deadline for the whole exchange (connect + send + wait + read), not a socket
    // idle timer that a slowly trickling server could keep alive forever.
    const controller = new AbortController();
    // "Never reached the vendor" is a fact about this connection, not an error code: until the
    // TCP connection exists no byte of the request can have left; after it, anything may have.
    let connected = false;
    const agent = connectionWatchingAgent(base.protocol === 'https:', () => { connected = true; });
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
      return classifyFailure(err, { timedOut, timeoutMs: cfg.timeoutMs, connected });
    } finally {
      clearTimeout(timer);
      // The socket is closed by now (answered, aborted or failed): nothing more can leave.
      if (recorded !== undefined) opts.attempts?.ended(recorded, { connected, endedAtMs: Date.now() });
    }
  }

  async function send<T>(req: VendorRequest<T>): Promise<VendorOutcome<T>> {
    const path = prefix + req.path;
    const body = req.body === undefined ? '' : JSON.stringify(req.body);
    const mayRetry = req.method === 'GET' || req.idempotencyKey !== undefined || req.retrySafe === true;
    const attempts = 1 + (mayRetry ? cfg.retryAttempts : 0);
    // The whole call is bounded: no attempt starts after notAfter (the sale's deadline, or the
    // budget of every attempt timing out), however the timeout and retries are set.
    const notAfterMs = req.notAfterMs ?? Date.now() + cfg.timeoutMs * attempts;
    let anyArrived = false;
    let arrivedBeforeLast = false;
    let last: Attempt<T> | undefined;
    for (let i = 0; i < attempts; i++) {
      if (i > 0) {
        const delay = backoffDelay(i - 1, { baseMs: baseDelay, maxMs: MAX_BACKOFF_MS, jitter: 'added' });
        // An attempt that could only start after the deadline is not waited for: the call ends
        // now, so its outcome (e.g. "never arrived": vend locally) comes before any verdict.
        if (Date.now() + delay > notAfterMs) break;
        await sleep(delay);
      }
      if (Date.now() > notAfterMs) break;
      arrivedBeforeLast = anyArrived;
      last = await attempt(req, path, body, notAfterMs);
      anyArrived ||= last.mayHaveArrived;
      if (!last.retryable) break;
    }
    if (!last) return unknown(`${UNREACHABLE_PREFIX} not sent: the call's deadline had already passed`);
    const outcome = last.outcome;
    // "unreachable:" promises the vendor never saw the request. After an earlier attempt that
    // may have arrived (a timeout, a reset), a refused connection on the last try proves nothing.
    if (outcome.kind === 'unknown' && !last.mayHaveArrived && anyArrived) {
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

/**
 * A fresh agent per attempt (no keep-alive: a pooled socket the server already closed fails
 * mid-request, which would read as "may have arrived") that reports when the TCP connection is
 * established. A counter sells a few hundred times a day; a new connection per call costs nothing.
 */
function connectionWatchingAgent(tls: boolean, onConnect: () => void): http.Agent {
  const agent = tls ? new https.Agent({ keepAlive: false }) : new http.Agent({ keepAlive: false });
  const create = (agent as unknown as { createConnection: (o: unknown, cb?: unknown) => Socket }).createConnection.bind(agent);
  (agent as unknown as { createConnection: (o: unknown, cb?: unknown) => Socket }).createConnection = (o, cb) => {
    const socket = create(o, cb);
    socket.once('connect', onConnect);
    return socket;
  };
  return agent;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
