// The exchange every vendor protocol shares, whatever its body: one hard deadline per attempt,
// a fresh connection watched for "did any byte leave?", the attempt ledger told before the first
// byte, backoff between attempts that are safe to repeat, and the rules that turn the last
// attempt into one of the three VendorOutcomes. The JSON protocol (http.ts) and XMLVend's SOAP
// (xmlvend/transport.ts) differ only in headers, body and how a response is read.
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import axios from 'axios';
import { classifyFailure, type Attempt } from './http-classify';
import { type VendorOutcome, UNREACHABLE_PREFIX, unknown } from './outcome';
import { backoffDelay } from '../common/backoff';

/** Told of every attempt of a keyed request before its first byte leaves, and when it ends (main/vendors/attempt-ledger.ts). */
export interface AttemptRecorder {
  record(a: { key: string; operation: string; signedAtMs: number; timeoutMs: number; notAfterMs: number }): number;
  ended(id: number, a: { connected: boolean; endedAtMs: number }): void;
}

export interface CoreOptions {
  timeoutMs: number;
  /** Extra attempts after the first, for requests that are safe to repeat. */
  retryAttempts: number;
  /** First backoff delay; doubles each retry, plus up to as much again of random jitter. */
  retryBaseDelayMs?: number;
  attempts?: AttemptRecorder;
}

export interface CoreRequest<T> {
  method: 'GET' | 'POST';
  /** Absolute URL. */
  url: string;
  body: string;
  /** Headers of an attempt made at this moment (a signature covers the time). */
  headers(atMs: number): Record<string, string>;
  /** Recorded in the attempt ledger under this key, before any byte leaves. */
  key?: { value: string; operation: string };
  /**
   * Which failed attempts may be followed by another: 'always' (the server dedupes it, or it only
   * reads), 'unsent' (only while no attempt can have reached the server: a change the server does
   * not dedupe, resolved otherwise once it may have arrived), 'never'.
   */
  retry: 'always' | 'unsent' | 'never';
  /** Latest moment (Unix ms) an attempt may start; default: the whole budget of every attempt. */
  notAfterMs?: number;
  classify(status: number, text: string): Attempt<T>;
}

const MAX_BACKOFF_MS = 10_000;

export async function exchange<T>(o: CoreOptions, req: CoreRequest<T>): Promise<VendorOutcome<T>> {
  const attempts = 1 + (req.retry === 'never' ? 0 : o.retryAttempts);
  const baseDelay = o.retryBaseDelayMs ?? 250;
  // The whole call is bounded: no attempt starts after notAfter (the sale's deadline, or the
  // budget of every attempt timing out), however the timeout and retries are set.
  const notAfterMs = req.notAfterMs ?? Date.now() + o.timeoutMs * attempts;
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
    last = await attempt(o, req, notAfterMs);
    anyArrived ||= last.mayHaveArrived;
    if (!last.retryable || (req.retry === 'unsent' && anyArrived)) break;
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
  if (outcome.kind === 'refused' && req.key !== undefined && arrivedBeforeLast) {
    return unknown(`refused on a retry (${outcome.code}) after an earlier attempt that may have arrived`);
  }
  return outcome;
}

async function attempt<T>(o: CoreOptions, req: CoreRequest<T>, notAfterMs: number): Promise<Attempt<T>> {
  const atMs = Date.now();
  // Written before anything is sent: the verdict on an unknown sale counts from the last
  // attempt that may have left, and its lookup goes where this one went.
  const recorded = req.key === undefined ? undefined
    : o.attempts?.record({ key: req.key.value, operation: req.key.operation, signedAtMs: atMs, timeoutMs: o.timeoutMs, notAfterMs });
  // One hard deadline for the whole exchange (connect + send + wait + read), not a socket
  // idle timer that a slowly trickling server could keep alive forever.
  const controller = new AbortController();
  // "Never reached the vendor" is a fact about this connection, not an error code: until the
  // TCP connection exists no byte of the request can have left; after it, anything may have.
  let connected = false;
  const agent = connectionWatchingAgent(new URL(req.url).protocol === 'https:', () => { connected = true; });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, o.timeoutMs);
  try {
    const res = await axios.request<string>({
      url: req.url,
      method: req.method,
      headers: req.headers(atMs),
      data: req.method === 'POST' ? req.body : undefined,
      adapter: 'http',
      httpAgent: agent,
      httpsAgent: agent,
      signal: controller.signal,
      maxRedirects: 0,
      maxContentLength: 5 * 1024 * 1024,
      responseType: 'text',
      // Raw text in and out: signatures cover the exact bytes, and bodies are read by their protocol.
      transformRequest: [(d: unknown) => d],
      transformResponse: [(d: unknown) => d],
      validateStatus: () => true,
    });
    return req.classify(res.status, typeof res.data === 'string' ? res.data : '');
  } catch (err) {
    return classifyFailure(err, { timedOut, timeoutMs: o.timeoutMs, connected });
  } finally {
    clearTimeout(timer);
    // The socket is closed by now (answered, aborted or failed): nothing more can leave.
    if (recorded !== undefined) o.attempts?.ended(recorded, { connected, endedAtMs: Date.now() });
  }
}

/**
 * A fresh agent per attempt (no keep-alive: a pooled socket the server already closed fails
 * mid-request, which would read as "may have arrived") that reports when the TCP connection is
 * established. A counter sells a few hundred times a day; a new connection per call costs nothing.
 */
function connectionWatchingAgent(tls: boolean, onConnect: () => void): http.Agent {
  const agent = tls ? new https.Agent({ keepAlive: false }) : new http.Agent({ keepAlive: false });
  const create = (agent as unknown as { createConnection: (o: unknown, cb?: unknown) => Socket }).createConnection.bind(agent);
  (agent as unknown as { createConnection: (o: unknown, cb?: unknown) => Socket }).createConnection = (opts, cb) => {
    const socket = create(opts, cb);
    socket.once('connect', onConnect);
    return socket;
  };
  return agent;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
