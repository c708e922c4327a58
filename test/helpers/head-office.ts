// The real head-office service in this process, on a test's own database: migrated, listening on
// a free port of 127.0.0.1, with counters registered the way an admin will. Close it in the test.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { registerCounter, type NewCounter } from '../../head-office/counters';
import { migrate } from '../../head-office/db/migrate';
import type { RateLimit } from '../../head-office/rate-limit';
import { buildServer, type HeadOfficeServerDeps } from '../../head-office/server';
import type { VendorEndpointConfig } from '../../main/vendors/config';

export interface TestHeadOffice {
  url: string;
  pool: pg.Pool;
  app: FastifyInstance;
  sealingKey: Buffer;
  addCounter(name?: string): Promise<NewCounter>;
  /** What a counter's head-office client is configured with to speak as `c`. */
  endpoint(c: NewCounter, over?: Partial<VendorEndpointConfig>): VendorEndpointConfig;
  close(): Promise<void>;
}

export async function startTestHeadOffice(databaseUrl: string, opts: { poolSize?: number; maxSkewMs?: number; enrolLimit?: RateLimit; now?: () => number; console?: HeadOfficeServerDeps['console'];
  /** The reports' time zone (HEAD_OFFICE_TIME_ZONE; default UTC). */
  timeZone?: string;
  /** HEAD_OFFICE_CURRENCY and its decimals (default YER, 0: the counters' own default). */
  currency?: { code: string; decimals: number };
  /** HEAD_OFFICE_TRUST_PROXY and HEAD_OFFICE_SECURE_COOKIES, as head-office/main.ts passes them. */
  trustProxy?: HeadOfficeServerDeps['trustProxy'];
  secureCookies?: boolean;
  /** Registers more routes before the service listens (e.g. a console route plugin under test). */
  extend?: (app: FastifyInstance) => void } = {}): Promise<TestHeadOffice> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.poolSize ?? 10 });
  await migrate(pool);
  const sealingKey = randomBytes(32);
  const app = buildServer({ pool, sealingKey, logger: process.env.HO_TEST_LOG ? { level: 'error' } : false, maxSkewMs: opts.maxSkewMs, now: opts.now,
    // Tests enrol many counters from 127.0.0.1; the limit itself has its own test.
    enrolLimit: opts.enrolLimit ?? { max: 1_000, windowMs: 60_000 },
    console: { signInLimit: { max: 1_000, windowMs: 60_000 }, ...opts.console }, timeZone: opts.timeZone, currency: opts.currency,
    trustProxy: opts.trustProxy, secureCookies: opts.secureCookies });
  opts.extend?.(app);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  let n = 0;
  return {
    url,
    pool,
    app,
    sealingKey,
    addCounter: (name = `Counter ${++n}`) => registerCounter(pool, sealingKey, name),
    endpoint: (c, over) => ({ baseUrl: url, apiKey: c.apiKey, apiSecret: c.apiSecret, merchantId: null, timeoutMs: 10_000, retryAttempts: 0, ...over }),
    async close() {
      await app.close();
      await pool.end();
    },
  };
}
