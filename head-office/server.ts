// The head office's HTTP service on Fastify: the protocol the counters already speak
// (test/sim/head-office.openapi.yaml, main/vendors/PROTOCOL.md). Bodies are kept as the exact bytes
// received, because the signature covers those bytes; JSON is parsed only once the signature holds.
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type pg from 'pg';
import { z } from 'zod';
import { MasterDataQuerySchema, type MasterChange, type MasterDataPage } from '../main/vendors/head-office/master-data-wire';
import { EnrolRequestSchema, PushSalesRequestSchema, type EnrolResult } from '../main/vendors/head-office/wire';
import { appVersionOf, signedCounters, type AuthedCounter } from './auth';
import { reportCounts, reportCurrencyDecimals } from './db/counters';
import { pullMasterData } from './db/master-data';
import { listSales } from './db/sales';
import { enrolCounter } from './enrolment';
import { consolePlugin, CONSOLE_API_PREFIX } from './console/plugin';
import { masterDataRoutes } from './master-data/routes';
import { requireRole, type ConsoleSessionSettings } from './console/guard';
import { reportRoutes } from './reports/routes';
import { DEFAULT_TIME_ZONE } from './reports/time-zone';
import { refuse } from './errors';
import { readBody } from './body';
import { ingestSales } from './ingest';
import { createRateLimiter, type RateLimit } from './rate-limit';
import { receiveDeadLetter, receiveZReport } from './reports';
import { DEFAULT_CURRENCY, DEFAULT_LEASE_HOURS } from './config';
import { registerLeaseProtocol } from './leases/protocol';
import { leaseRoutes } from './leases/routes';
import { vendingKeyRoutes } from './leases/vending-key-routes';

declare module 'fastify' {
  interface FastifyRequest {
    /** When the request arrived (Unix ms): its timestamp is judged against this, not after a wait for the database. */
    arrivedAt: number;
    counter: AuthedCounter | null;
  }
}

export interface HeadOfficeServerDeps {
  pool: pg.Pool;
  sealingKey: Buffer;
  /** Fastify's logger options (pino), or a pino logger to use. */
  logger: boolean | { level: string } | FastifyBaseLogger;
  now?: () => number;
  /** How far a request's timestamp may be from our clock (default: the protocol's 5 minutes). */
  maxSkewMs?: number;
  /** Enrolment attempts allowed per client address (default: 10 per 10 minutes). */
  enrolLimit?: RateLimit;
  /** How long a meter's local-vending lease lasts (default: HEAD_OFFICE_LEASE_HOURS' default). */
  leaseMs?: number;
  /** The counters' currency, for the console's amounts (default: DEFAULT_CURRENCY). */
  currency?: { code: string; decimals: number };
  /** The web console's session rules (defaults: CONSOLE_DEFAULTS) and sign-in attempts per address. */
  console?: Partial<Omit<ConsoleSessionSettings, 'pool' | 'now'>> & { signInLimit?: RateLimit; webDir?: string };
  /** HEAD_OFFICE_TIME_ZONE: the reports cut their days in it, and vending keys' last days end in it (default UTC). */
  timeZone?: string;
  /** HEAD_OFFICE_TRUST_PROXY (config.ts): the proxies whose X-Forwarded-* headers are believed (default: none). */
  trustProxy?: false | number | string[];
  /** HEAD_OFFICE_SECURE_COOKIES: the console's cookie is always Secure. */
  secureCookies?: boolean;
}

/** A console session lasts a working day at most, and ends after half an hour unused; five wrong
 * passwords in a row lock the account for a quarter of an hour. */
export const CONSOLE_DEFAULTS: Omit<ConsoleSessionSettings, 'pool' | 'now'> = {
  ttlMs: 12 * 3_600_000,
  idleMs: 30 * 60_000,
  maxFailedAttempts: 5,
  lockoutMs: 15 * 60_000,
};

const DEFAULT_ENROL_LIMIT: RateLimit = { max: 10, windowMs: 10 * 60_000 };

/** 500 sales with every optional part (an XMLVend receipt, key-change tokens) fit well inside this. */
const BODY_LIMIT = 8 * 1024 * 1024;
const LIST_LIMIT = 500;

const ListQuery = z.object({
  after: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT).default(LIST_LIMIT),
}).strict();

/** Connection-level database failures: the counter should retry later (503), nothing was stored. */
function databaseUnavailable(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return /^(08|57P0[1-3]|53)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end/.test((err as Error).message ?? '');
}

/** A hop count as the function proxy-addr makes of one (Fastify's types take no number): the nearest n hops are trusted. */
const trustProxyOption = (t: false | number | string[]) => (typeof t === 'number' ? (_addr: string, hop: number) => hop < t : t);

export function buildServer(deps: HeadOfficeServerDeps): FastifyInstance {
  const now = deps.now ?? Date.now;
  const app = Fastify({
    ...(typeof deps.logger === 'object' && 'child' in deps.logger ? { loggerInstance: deps.logger } : { logger: deps.logger }),
    bodyLimit: BODY_LIMIT,
    // While closing, a request on a kept-alive connection gets 503 (the counter retries later)
    // and idle connections are closed, so shutdown waits only for requests under way.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Behind a TLS-terminating proxy: req.protocol and req.ip come from its X-Forwarded-* headers,
    // so the console's cookie is Secure and the rate limits key on the client, not the proxy.
    trustProxy: trustProxyOption(deps.trustProxy ?? false),
  });
  const enrolLimiter = createRateLimiter(deps.enrolLimit ?? DEFAULT_ENROL_LIMIT, now);
  const authenticate = signedCounters({ pool: deps.pool, sealingKey: deps.sealingKey, now, maxSkewMs: deps.maxSkewMs });

  app.decorateRequest('arrivedAt', 0);
  app.decorateRequest('counter', null);
  app.decorateRequest('consoleUser', null);
  const { signInLimit, webDir, ...sessionRules } = deps.console ?? {};
  app.decorate('consoleSessions', { ...CONSOLE_DEFAULTS, ...sessionRules, pool: deps.pool, now, secureCookies: deps.secureCookies ?? false } satisfies ConsoleSessionSettings);
  // Cookies are read only by the console's guard (console/guard.ts): /api/v1 authenticates by signature alone.
  void app.register(fastifyCookie);
  void app.register(consolePlugin({ signInLimit, webDir }));
  // The console's master-data pages (meters, customers, tariffs, users), behind its guard.
  void app.register(masterDataRoutes({ pool: deps.pool, guard: requireRole, currency: deps.currency ?? DEFAULT_CURRENCY }), { prefix: CONSOLE_API_PREFIX });
  // Leases for the console: viewers list them, operators release an expired one.
  void app.register(leaseRoutes({ pool: deps.pool, guard: requireRole, userOf: (req) => req.consoleUser?.username ?? 'console', now }), { prefix: CONSOLE_API_PREFIX });
  void app.register(reportRoutes({ pool: deps.pool, guard: requireRole, timeZone: deps.timeZone ?? DEFAULT_TIME_ZONE, money: deps.currency ?? DEFAULT_CURRENCY, now: () => new Date(now()) }),
    { prefix: `${CONSOLE_API_PREFIX}/reports` });
  // The supply groups' vending keys for administrators: listed by check value, loaded from a key file, retired.
  void app.register(vendingKeyRoutes({ pool: deps.pool, sealingKey: deps.sealingKey, guard: requireRole, userOf: (req) => req.consoleUser?.username ?? 'console', now, timeZone: deps.timeZone }), { prefix: CONSOLE_API_PREFIX });
  app.addHook('onRequest', async (req) => {
    req.arrivedAt = now();
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  const signed = async (req: FastifyRequest, reply: FastifyReply) => {
    const counter = await authenticate(req, reply);
    // A refusal was sent: returning the reply ends the request here.
    if (counter === null) return reply;
    req.counter = counter;
  };

  // Unsigned: the one-time code is the credential. A wrong, used or expired code gets one answer,
  // so a guesser learns nothing about which codes exist; attempts per address are limited.
  app.post('/api/v1/enrol', async (req, reply) => {
    const waitMs = enrolLimiter.take(req.ip);
    if (waitMs > 0) {
      req.log.warn({ ip: req.ip }, 'enrolment attempts limited');
      reply.header('retry-after', String(Math.ceil(waitMs / 1000)));
      return refuse(reply, 429, 'TOO_MANY_ATTEMPTS', 'Too many enrolment attempts from this address; wait a few minutes and try again',
        'محاولات تسجيل كثيرة من هذا العنوان؛ انتظر بضع دقائق ثم أعد المحاولة');
    }
    const data = readBody(req, reply, EnrolRequestSchema);
    if (data === null) return reply;
    const counter = await enrolCounter(deps.pool, deps.sealingKey, {
      code: data.code,
      counterName: data.counterName,
      appVersion: appVersionOf(req.headers['user-agent']) ?? data.appVersion,
    });
    if (!counter) {
      req.log.info({ ip: req.ip }, 'enrolment code refused');
      return refuse(reply, 403, 'BAD_ENROLMENT_CODE', 'This enrolment code is not valid: it is wrong, already used or expired. Ask the head office for a new one',
        'رمز التسجيل هذا غير صالح: إما خاطئ أو مستخدم من قبل أو منتهي الصلاحية. اطلب رمزًا جديدًا من المكتب الرئيسي');
    }
    req.log.info({ counter: counter.name, enrolledAs: data.counterName }, 'counter enrolled');
    const answer: EnrolResult = { counterKey: counter.apiKey, counterSecret: counter.apiSecret, headOfficeTime: new Date(now()).toISOString() };
    // The secret is in this answer only: no cache may keep it.
    reply.header('cache-control', 'no-store');
    return answer;
  });

  app.get('/api/v1/ping', { preHandler: signed }, async () => ({ status: 'ok', serverTime: new Date(now()).toISOString() }));

  app.post('/api/v1/sales', { preHandler: signed }, async (req, reply) => {
    const data = readBody(req, reply, PushSalesRequestSchema);
    if (data === null) return reply;
    const counter = req.counter!;
    const result = await ingestSales(deps.pool, counter.id, data.sales);
    if (data.counts) await reportCounts(deps.pool, counter.id, data.counts);
    if (data.currencyDecimals !== undefined) await reportCurrencyDecimals(deps.pool, counter.id, data.currencyDecimals);
    req.log.info({ counter: counter.name, accepted: result.accepted.length, rejected: result.rejected.length }, 'sales received');
    return result;
  });

  app.post('/api/v1/z-reports', { preHandler: signed }, async (req, reply) => receiveZReport(deps.pool, req.counter!, req, reply));
  app.post('/api/v1/dead-letters', { preHandler: signed }, async (req, reply) => receiveDeadLetter(deps.pool, req.counter!, req, reply));

  app.get('/api/v1/sales', { preHandler: signed }, async (req, reply) => {
    const q = ListQuery.safeParse(req.query);
    if (!q.success) {
      const fields = q.error.issues.map((i) => i.path.join('.') || '(query)').join(', ');
      return refuse(reply, 422, 'BAD_REQUEST', `Invalid request: ${fields}`, `طلب غير صالح: ${fields}`);
    }
    const sales = await listSales(deps.pool, req.counter!.id, { after: q.data.after ?? null, limit: q.data.limit });
    const last = sales.at(-1);
    return { sales, next: sales.length === q.data.limit && last ? last.sale.id : null };
  });

  // The master data this counter holds after its cursor: shared records and its own users, in
  // version order. One more row than asked for tells whether another page waits.
  app.get('/api/v1/master-data', { preHandler: signed }, async (req, reply) => {
    const q = MasterDataQuerySchema.safeParse(req.query);
    if (!q.success) {
      const fields = q.error.issues.map((i) => i.path.join('.') || '(query)').join(', ');
      return refuse(reply, 422, 'BAD_REQUEST', `Invalid request: ${fields}`, `طلب غير صالح: ${fields}`);
    }
    const rows = await pullMasterData(deps.pool, req.counter!.id, q.data.after, q.data.limit + 1);
    const page = rows.slice(0, q.data.limit);
    const changes = page.map((r) => ({ entity: r.entity, key: r.key, version: r.version, data: r.data }) as MasterChange);
    const money = deps.currency ?? DEFAULT_CURRENCY;
    const answer: MasterDataPage = { currency: money.code, currencyDecimals: money.decimals, changes, cursor: page.at(-1)?.version ?? q.data.after, more: rows.length > q.data.limit };
    return answer;
  });
  registerLeaseProtocol(app, { pool: deps.pool, sealingKey: deps.sealingKey, leaseMs: deps.leaseMs ?? DEFAULT_LEASE_HOURS * 3_600_000, timeZone: deps.timeZone, now, signed });

  app.setNotFoundHandler((_req, reply) => refuse(reply, 404, 'NO_SUCH_ENDPOINT', 'No such endpoint', 'لا توجد نقطة خدمة بهذا العنوان'));
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return refuse(reply, 413, 'BODY_TOO_LARGE', 'Request body too large', 'حجم الطلب كبير جدًا');
    if (databaseUnavailable(err)) {
      req.log.error({ err }, 'database unavailable');
      return refuse(reply, 503, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable', 'الخدمة غير متاحة مؤقتًا');
    }
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
      return refuse(reply, err.statusCode, 'BAD_REQUEST', 'Invalid request', 'طلب غير صالح');
    }
    req.log.error({ err }, 'request failed');
    return refuse(reply, 500, 'INTERNAL', 'Internal error', 'خطأ داخلي');
  });
  return app;
}
