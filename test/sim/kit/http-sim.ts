// The signed-JSON server the vendor-protocol simulators are built on (over local-server.ts): it
// checks the request signature, replays keyed requests, routes to the simulator's handlers and
// applies the injected faults. The simulators themselves only hold state and business answers.
import type http from 'node:http';
import { createHash } from 'node:crypto';
import { HEADER, verifySignature, type Credentials, type VerifyFailure } from '../../../main/vendors/signing';
import { IdempotencyKeySchema } from '../../../main/vendors/wire';
import type { Faults } from './faults';
import { json, startLocalServer } from './local-server';
import { fail, type SimReply } from './replies';

export interface SimRequest {
  method: string;
  path: string;
  /** Named groups of the route's pattern, URI-decoded. */
  params: Record<string, string>;
  /** Parsed JSON body (undefined for GET). */
  body: unknown;
  idempotencyKey: string | null;
  /** The query string's parameters (the path above has none). */
  query: URLSearchParams;
}

export interface Route {
  method: 'GET' | 'POST';
  /** Matched against the path without the query; use named groups for parameters. */
  pattern: RegExp;
  /** Requires an Idempotency-Key; a repeat with the same key and body replays the first answer. */
  keyed?: boolean;
  handle(req: SimRequest): SimReply;
}

export interface LoggedRequest {
  method: string;
  path: string;
  outcome: number | 'dropped' | 'replayed';
}

export interface HttpSim {
  readonly url: string;
  readonly port: number;
  /** Replaces the fault set; resolves once it is in force (offline really stops listening). */
  setFaults(f: Faults): Promise<void>;
  faults(): Faults;
  /** Every request that reached a handler or a fault, in arrival order. */
  requestLog(): readonly LoggedRequest[];
  close(): Promise<void>;
}

export async function startHttpSim(opts: { port?: number; credentials: readonly Credentials[]; routes: readonly Route[]; timestampToleranceMs?: number }): Promise<HttpSim> {
  const log: LoggedRequest[] = [];
  const replay = new Map<string, { fingerprint: string; reply: SimReply }>();
  const byKey = new Map(opts.credentials.map((c) => [c.apiKey, c]));
  const local = await startLocalServer({ port: opts.port, handle, onCrash: (res) => send(res, fail(500, 'INTERNAL', 'Internal error', 'خطأ داخلي')) });
  const faults = local.faults;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer | null): Promise<void> {
    // A real server judges the timestamp when the request arrives, before any processing delay.
    const arrivedAt = Date.now();
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const latency = faults.get().latencyMs ?? 0;
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    if (faults.get().offline) return void req.socket.destroy();
    const shot = faults.takeOneShots();
    const entry: LoggedRequest = { method, path, outcome: 0 };
    log.push(entry);
    const answer = (r: SimReply) => {
      entry.outcome = r.status;
      send(res, r);
    };

    if (shot.failNext) return answer(injected(shot.failNext.status));
    if (faults.drawError()) return answer(injected(503));
    if (raw === null) return answer(fail(413, 'BODY_TOO_LARGE', 'Request body too large', 'حجم الطلب كبير جدًا'));
    const auth = verifySignature({ method, path, headers: req.headers, body: raw }, (k) => byKey.get(k), arrivedAt, opts.timestampToleranceMs);
    if (!auth.ok) return answer(fail(401, auth.failure, AUTH_TEXT[auth.failure].en, AUTH_TEXT[auth.failure].ar));

    const bare = path.split('?')[0] ?? path;
    const route = opts.routes.find((r) => r.method === method && r.pattern.test(bare));
    if (!route) return answer(fail(404, 'NO_SUCH_ENDPOINT', 'No such endpoint', 'لا توجد نقطة خدمة بهذا العنوان'));
    let body: unknown;
    if (method === 'POST') {
      try {
        body = JSON.parse(raw.toString('utf8')) as unknown;
      } catch {
        return answer(fail(400, 'BAD_JSON', 'The request body is not JSON', 'نص الطلب ليس بصيغة JSON'));
      }
    }
    const keyHeader = req.headers[HEADER.idempotencyKey];
    const idempotencyKey = typeof keyHeader === 'string' ? keyHeader : null;
    const query = new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?') + 1) : '');
    const params = Object.fromEntries(Object.entries(route.pattern.exec(bare)?.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));

    let reply: SimReply;
    if (route.keyed) {
      if (idempotencyKey === null || !IdempotencyKeySchema.safeParse(idempotencyKey).success) {
        return answer(fail(400, 'IDEMPOTENCY_KEY_REQUIRED', 'A valid Idempotency-Key header is required', 'مفتاح عدم التكرار (Idempotency-Key) مطلوب'));
      }
      const slot = `${auth.credentials.apiKey}\n${idempotencyKey}`;
      const fingerprint = createHash('sha256').update(`${method}\n${bare}\n`).update(raw).digest('hex');
      const seen = replay.get(slot);
      if (seen && seen.fingerprint !== fingerprint) {
        return answer(fail(409, 'IDEMPOTENCY_CONFLICT', 'This Idempotency-Key was already used for a different request', 'مفتاح عدم التكرار استُخدم لطلب مختلف'));
      }
      if (seen) {
        entry.outcome = 'replayed';
        reply = seen.reply;
      } else {
        reply = route.handle({ method, path: bare, params, body, idempotencyKey, query });
        // Refusals are not remembered: nothing happened, so a retry is judged afresh.
        if (reply.status < 300) replay.set(slot, { fingerprint, reply });
      }
    } else {
      reply = route.handle({ method, path: bare, params, body, idempotencyKey, query });
    }

    if (shot.dropResponseNext) {
      entry.outcome = 'dropped';
      return void req.socket.destroy();
    }
    if (shot.malformedNext) return answer({ status: 200, body: { status: 'success', data: reply.body } });
    if (entry.outcome === 'replayed') return void send(res, reply);
    answer(reply);
  }

  return {
    url: local.url,
    port: local.port,
    setFaults: (f) => local.setFaults(f),
    faults: () => faults.get(),
    requestLog: () => log,
    close: () => local.close(),
  };
}

export { ADMIN_PATH } from './local-server';

function send(res: http.ServerResponse, r: SimReply): void {
  json(res, r.status, r.body);
}

function injected(status: number): SimReply {
  return status >= 500
    ? fail(status, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable', 'الخدمة غير متاحة مؤقتًا')
    : fail(status, `HTTP_${status}`, `Request failed with status ${status}`, `فشل الطلب بالحالة ${status}`);
}

const AUTH_TEXT: Record<VerifyFailure, { en: string; ar: string }> = {
  MISSING_AUTH: { en: 'Authentication headers are missing', ar: 'ترويسات المصادقة مفقودة' },
  BAD_API_KEY: { en: 'Unknown API key', ar: 'مفتاح الواجهة غير معروف' },
  BAD_MERCHANT: { en: 'The merchant id does not match the API key', ar: 'رقم التاجر لا يطابق مفتاح الواجهة' },
  STALE_TIMESTAMP: { en: 'The request time is too far from the server clock; check the counter clock', ar: 'وقت الطلب بعيد عن ساعة الخادم؛ تحقق من ساعة نقطة البيع' },
  BAD_SIGNATURE: { en: 'The request signature is wrong; check the API secret', ar: 'توقيع الطلب غير صحيح؛ تحقق من السر' },
};
