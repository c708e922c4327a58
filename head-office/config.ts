// The head office's configuration, from the environment only. Validated with zod; a bad value
// stops start-up with a message naming every bad variable — and never its value, since
// DATABASE_URL carries a password and HEAD_OFFICE_SEALING_KEY is a key.
import { isIP } from 'node:net';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZoneName } from './reports/time-zone';

export interface HeadOfficeConfig {
  /** null: start a throwaway local PostgreSQL (the demo). */
  databaseUrl: string | null;
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * 32 bytes sealing each counter's API secret in the database (AES-256-GCM). The secret must be
   * readable to check an HMAC signature, so the database alone (a dump, a backup) never holds it in
   * the clear. null only with no DATABASE_URL: the demo makes one for its throwaway database.
   */
  sealingKey: Buffer | null;
  /** Most connections the service opens to PostgreSQL. */
  poolSize: number;
  /**
   * How long a meter's local-vending lease lasts from its last renewal (HEAD_OFFICE_LEASE_HOURS,
   * default 72: a counter keeps selling offline through a long weekend). Longer means a counter
   * lost offline blocks its meters' offline sales elsewhere for longer.
   */
  leaseMs: number;
  /** The utility's IANA time zone: the reports cut their days in it. */
  timeZone: string;
  /**
   * The money the counters sell in (HEAD_OFFICE_CURRENCY, default YER, and its decimals,
   * HEAD_OFFICE_CURRENCY_DECIMALS, default 0 — the counters' own defaults): the console shows and
   * reads master data's amounts in major units with these decimals and sends integer minor units.
   */
  currency: { code: string; decimals: number };
  /**
   * HEAD_OFFICE_TRUST_PROXY: which proxies in front of the service may say who the client is and
   * whether it came over HTTPS (X-Forwarded-For, X-Forwarded-Proto): false (the default: none), a
   * number of hops, or the proxies' addresses and CIDR ranges. Behind a TLS-terminating proxy this
   * gives the console's cookie its Secure flag and keys the sign-in and enrolment limits on the
   * client's address instead of the proxy's.
   */
  trustProxy: false | number | string[];
  /** HEAD_OFFICE_SECURE_COOKIES=1: the console's cookie is always Secure, whatever the request says. */
  secureCookies: boolean;
}

export class HeadOfficeConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid head-office configuration:\n- ${issues.join('\n- ')}`);
    this.name = 'HeadOfficeConfigError';
  }
}

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

const postgresUrl = z.string().refine((s) => {
  try {
    const u = new URL(s);
    return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.pathname.length > 1;
  } catch {
    return false;
  }
}, 'must be a postgres:// or postgresql:// URL naming a database (postgresql://user:password@host:5432/dbname)');

const wholeIn = (min: number, max: number, what: string) =>
  z.string().regex(/^\d{1,6}$/, `must be a whole number of ${what} from ${min} to ${max}`).transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number of ${what} from ${min} to ${max}`);

export const DEFAULT_LEASE_HOURS = 72;
/** The counters' own default currency (main/app/config.ts). */
export const DEFAULT_CURRENCY = { code: 'YER', decimals: 0 } as const;

const TRUST_PROXY_RULE = 'must be off (the default), a number of proxy hops from 1 to 10, or a comma-separated list of proxy addresses or CIDR ranges such as 10.0.0.5,192.168.1.0/24';

/** An IPv4 or IPv6 address, or one with a CIDR prefix length fitting its family. */
function addressOrCidr(s: string): boolean {
  const [ip, bits, ...rest] = s.split('/');
  const family = isIP(ip ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

const trustProxy = z.string().transform((s, ctx): false | number | string[] => {
  const v = s.trim().toLowerCase();
  if (v === 'off' || v === '0' || v === 'false') return false;
  if (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 10) return Number(v);
  const list = v.split(',').map((x) => x.trim());
  if (list.length > 0 && list.every(addressOrCidr)) return list;
  ctx.addIssue({ code: 'custom', message: TRUST_PROXY_RULE });
  return z.NEVER;
});

const Env = z.object({
  DATABASE_URL: postgresUrl.optional(),
  HEAD_OFFICE_HOST: z.string().regex(/^[A-Za-z0-9.:-]{1,253}$/, 'must be a host name or an IP address such as 127.0.0.1 or 0.0.0.0').default('127.0.0.1'),
  HEAD_OFFICE_PORT: wholeIn(0, 65535, 'a TCP port').default(7310),
  HEAD_OFFICE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'must be one of fatal, error, warn, info, debug, trace, silent',
  }).default('info'),
  HEAD_OFFICE_SEALING_KEY: z.string().refine((s) => /^[A-Za-z0-9+/]{43}=$/.test(s) && Buffer.from(s, 'base64').length === 32,
    'must be 32 random bytes in base64 (44 characters; make one with: openssl rand -base64 32)').transform((s) => Buffer.from(s, 'base64')).optional(),
  HEAD_OFFICE_DB_POOL_SIZE: wholeIn(1, 500, 'connections').default(20),
  // At least an hour: the lease must outlast the counters' renewal interval and the skew margins.
  HEAD_OFFICE_LEASE_HOURS: wholeIn(1, 24 * 31, 'hours').default(DEFAULT_LEASE_HOURS),
  HEAD_OFFICE_TIME_ZONE: z.string().refine(isTimeZoneName, 'must be an IANA time zone name such as Africa/Tripoli or UTC').default(DEFAULT_TIME_ZONE),
  HEAD_OFFICE_CURRENCY: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as YER or SAR').default(DEFAULT_CURRENCY.code),
  HEAD_OFFICE_CURRENCY_DECIMALS: wholeIn(0, 3, 'decimals').default(DEFAULT_CURRENCY.decimals),
  HEAD_OFFICE_TRUST_PROXY: trustProxy.optional(),
  HEAD_OFFICE_SECURE_COOKIES: z.enum(['0', '1'], { error: 'must be 1 (the console cookie is always Secure) or 0' }).default('0'),
});

/** Reads the configuration; throws HeadOfficeConfigError naming every bad variable at once. */
export function headOfficeConfigFromEnv(env: NodeJS.ProcessEnv): HeadOfficeConfig {
  const input = Object.fromEntries(Object.keys(Env.shape).map((k) => [k, blank(env[k])]));
  const r = Env.safeParse(input);
  if (!r.success) {
    // Only the variable and what it must be: the issue messages above never include the input.
    throw new HeadOfficeConfigError(r.error.issues.map((i) => `${String(i.path[0])} ${i.message}`));
  }
  const e = r.data;
  if (e.DATABASE_URL !== undefined && e.HEAD_OFFICE_SEALING_KEY === undefined) {
    throw new HeadOfficeConfigError(['HEAD_OFFICE_SEALING_KEY is required with DATABASE_URL (32 random bytes in base64; make one with: openssl rand -base64 32)']);
  }
  return {
    databaseUrl: e.DATABASE_URL ?? null,
    host: e.HEAD_OFFICE_HOST,
    port: e.HEAD_OFFICE_PORT,
    logLevel: e.HEAD_OFFICE_LOG_LEVEL,
    sealingKey: e.HEAD_OFFICE_SEALING_KEY ?? null,
    poolSize: e.HEAD_OFFICE_DB_POOL_SIZE,
    leaseMs: e.HEAD_OFFICE_LEASE_HOURS * 3_600_000,
    timeZone: e.HEAD_OFFICE_TIME_ZONE,
    currency: { code: e.HEAD_OFFICE_CURRENCY, decimals: e.HEAD_OFFICE_CURRENCY_DECIMALS },
    trustProxy: e.HEAD_OFFICE_TRUST_PROXY ?? false,
    secureCookies: e.HEAD_OFFICE_SECURE_COOKIES === '1',
  };
}

/** The administration commands need only the database: DATABASE_URL, required and valid. */
export function adminDatabaseUrlFromEnv(env: NodeJS.ProcessEnv): string {
  const v = blank(env.DATABASE_URL);
  if (v === undefined) throw new HeadOfficeConfigError(['DATABASE_URL is required (postgresql://user:password@host:5432/dbname)']);
  const r = postgresUrl.safeParse(v);
  if (!r.success) throw new HeadOfficeConfigError([`DATABASE_URL ${r.error.issues[0]?.message ?? 'is invalid'}`]);
  return r.data;
}

/** load-key seals with the service's key: HEAD_OFFICE_SEALING_KEY, required and valid. */
export function adminSealingKeyFromEnv(env: NodeJS.ProcessEnv): Buffer {
  const r = Env.shape.HEAD_OFFICE_SEALING_KEY.safeParse(blank(env.HEAD_OFFICE_SEALING_KEY));
  if (!r.success || r.data === undefined) {
    throw new HeadOfficeConfigError([`HEAD_OFFICE_SEALING_KEY ${r.success ? 'is required to seal a vending key' : r.error.issues[0]?.message ?? 'is invalid'} (the service's own key: the key is sealed with it)`]);
  }
  return r.data;
}

/** The reports' time zone from the environment (HEAD_OFFICE_TIME_ZONE, default UTC), for the administration commands. */
export function reportTimeZoneFromEnv(env: NodeJS.ProcessEnv): string {
  const v = blank(env.HEAD_OFFICE_TIME_ZONE);
  if (v === undefined) return DEFAULT_TIME_ZONE;
  if (!isTimeZoneName(v)) throw new HeadOfficeConfigError(['HEAD_OFFICE_TIME_ZONE must be an IANA time zone name such as Africa/Tripoli or UTC']);
  return v;
}

/** The head office's money from the environment (HEAD_OFFICE_CURRENCY and _DECIMALS, defaults YER and 0), for the administration commands' reports. */
export function reportCurrencyFromEnv(env: NodeJS.ProcessEnv): { code: string; decimals: number } {
  const r = Env.pick({ HEAD_OFFICE_CURRENCY: true, HEAD_OFFICE_CURRENCY_DECIMALS: true })
    .safeParse({ HEAD_OFFICE_CURRENCY: blank(env.HEAD_OFFICE_CURRENCY), HEAD_OFFICE_CURRENCY_DECIMALS: blank(env.HEAD_OFFICE_CURRENCY_DECIMALS) });
  if (!r.success) throw new HeadOfficeConfigError(r.error.issues.map((i) => `${String(i.path[0])} ${i.message}`));
  return { code: r.data.HEAD_OFFICE_CURRENCY, decimals: r.data.HEAD_OFFICE_CURRENCY_DECIMALS };
}
