// Vendor and head-office connection settings from the environment, with the variable names of the
// seed (STS_API_*, ACREL_API_*, HEAD_OFFICE_*). A section whose base URL is absent is "not
// configured" (null): a counter may sell only one product. A section that is half filled in is an
// error naming every bad variable — and never echoing a value, since keys and secrets live here.
import { z } from 'zod';

export interface VendorEndpointConfig {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  /** Sent as X-Merchant-Id. Head office has none. */
  merchantId: string | null;
  timeoutMs: number;
  /** Extra attempts after the first, for idempotent or keyed calls only. */
  retryAttempts: number;
  /**
   * Set for an STS vendor that is an XMLVend 2.1 server (main/vendors/xmlvend/). Then baseUrl is
   * its SOAP address, merchantId this counter's client ID (the 13-digit EAN the utility gave),
   * apiKey the operator name and apiSecret the operator's password.
   */
  xmlvend?: XmlVendEndpoint;
}

/**
 * What an XMLVend server needs beyond an address and credentials (main/vendors/xmlvend/settings.ts
 * checks its values): one shape for the environment, the saved settings and the attempt ledger.
 */
export const XmlVendEndpointSchema = z.object({
  terminalId: z.string(),
  terminalIdKind: z.enum(['generic', 'ean']),
  soapVersion: z.enum(['1.1', '1.2']),
  /** The ISO 4217 code the server sells in. */
  currency: z.string(),
  /** How long the server keeps its answers for last-response advice. */
  adviceWindowMs: z.number().int(),
  conlogVendingServerId: z.string().nullable(),
  hexingLogin: z.boolean(),
});
export type XmlVendEndpoint = z.infer<typeof XmlVendEndpointSchema>;

export interface VendorConfig {
  sts: VendorEndpointConfig | null;
  acrel: VendorEndpointConfig | null;
  headOffice: VendorEndpointConfig | null;
}

export class VendorConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid vendor configuration:\n- ${issues.join('\n- ')}`);
    this.name = 'VendorConfigError';
  }
}

const httpUrl = z
  .string()
  .trim()
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL');
const required = z.string().trim().min(1);
const intIn = (min: number, max: number, fallback: number, what: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return fallback;
      const n = /^\d+$/.test(s) ? Number(s) : NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number of ${what} from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const timeout = intIn(1, 600_000, 30_000, 'milliseconds');
const retries = intIn(0, 10, 3, 'attempts');

interface SectionNames {
  url: string;
  key: string;
  secret: string;
  merchant: string | null;
  timeout: string;
  retries: string;
}

const SECTIONS: Record<keyof VendorConfig, SectionNames> = {
  sts: {
    url: 'STS_API_BASE_URL',
    key: 'STS_API_KEY',
    secret: 'STS_API_SECRET',
    merchant: 'STS_MERCHANT_ID',
    timeout: 'STS_API_TIMEOUT',
    retries: 'STS_API_RETRY_ATTEMPTS',
  },
  acrel: {
    url: 'ACREL_API_BASE_URL',
    key: 'ACREL_API_KEY',
    secret: 'ACREL_API_SECRET',
    merchant: 'ACREL_MERCHANT_ID',
    timeout: 'ACREL_API_TIMEOUT',
    retries: 'ACREL_API_RETRY_ATTEMPTS',
  },
  // The seed had no timeout/retry knobs for head office; the same names pattern is accepted.
  headOffice: {
    url: 'HEAD_OFFICE_URL',
    key: 'HEAD_OFFICE_KEY',
    secret: 'HEAD_OFFICE_SECRET',
    merchant: null,
    timeout: 'HEAD_OFFICE_TIMEOUT',
    retries: 'HEAD_OFFICE_RETRY_ATTEMPTS',
  },
};

function field<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv, name: string, issues: string[], optional = false): T | undefined {
  if (!optional && (env[name] ?? '').trim() === '') {
    issues.push(`${name} is required`);
    return undefined;
  }
  const r = schema.safeParse(env[name]);
  if (r.success) return r.data;
  // Only the message, never the input: the input may be a secret.
  issues.push(`${name} ${r.error.issues[0]?.message ?? 'is invalid'}`);
  return undefined;
}

const XMLVEND_ENV = z.object({
  STS_PROTOCOL: z.enum(['shahn', 'xmlvend']).default('shahn'),
  STS_XMLVEND_TERMINAL_ID: z.string().trim().min(1).max(32).optional(),
  STS_XMLVEND_TERMINAL_KIND: z.enum(['generic', 'ean']).default('generic'),
  STS_XMLVEND_SOAP_VERSION: z.enum(['1.1', '1.2']).default('1.1'),
  STS_XMLVEND_CURRENCY: z.string().trim().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code').optional(),
  STS_XMLVEND_ADVICE_WINDOW_MS: z.string().trim().regex(/^\d+$/, 'must be a whole number of milliseconds').optional(),
  STS_XMLVEND_CONLOG_SERVER_ID: z.string().trim().regex(/^\d{1,9}$/, 'must be digits').optional(),
  STS_XMLVEND_HEXING_LOGIN: z.enum(['0', '1', 'true', 'false']).optional(),
});

/** STS_PROTOCOL=xmlvend: the STS section is an XMLVend server; its own variables, each named when wrong. */
function xmlvendSection(env: NodeJS.ProcessEnv, issues: string[]): XmlVendEndpoint | undefined {
  const blankless = Object.fromEntries(Object.keys(XMLVEND_ENV.shape).map((k) => [k, (env[k] ?? '').trim() === '' ? undefined : env[k]]));
  const r = XMLVEND_ENV.safeParse(blankless);
  if (!r.success) {
    for (const i of r.error.issues) issues.push(`${String(i.path[0])} ${i.message}`);
    return undefined;
  }
  const e = r.data;
  if (e.STS_PROTOCOL !== 'xmlvend') return undefined;
  if (!e.STS_XMLVEND_TERMINAL_ID) issues.push('STS_XMLVEND_TERMINAL_ID is required when STS_PROTOCOL=xmlvend');
  if (!e.STS_XMLVEND_CURRENCY) issues.push('STS_XMLVEND_CURRENCY is required when STS_PROTOCOL=xmlvend');
  if (!e.STS_XMLVEND_TERMINAL_ID || !e.STS_XMLVEND_CURRENCY) return undefined;
  return {
    terminalId: e.STS_XMLVEND_TERMINAL_ID,
    terminalIdKind: e.STS_XMLVEND_TERMINAL_KIND,
    soapVersion: e.STS_XMLVEND_SOAP_VERSION,
    currency: e.STS_XMLVEND_CURRENCY,
    adviceWindowMs: e.STS_XMLVEND_ADVICE_WINDOW_MS ? Number(e.STS_XMLVEND_ADVICE_WINDOW_MS) : 86_400_000,
    conlogVendingServerId: e.STS_XMLVEND_CONLOG_SERVER_ID ?? null,
    hexingLogin: e.STS_XMLVEND_HEXING_LOGIN === '1' || e.STS_XMLVEND_HEXING_LOGIN === 'true',
  };
}

function section(env: NodeJS.ProcessEnv, n: SectionNames, issues: string[]): VendorEndpointConfig | null {
  const present = [n.url, n.key, n.secret, n.merchant].some((k) => k !== null && (env[k] ?? '').trim() !== '');
  if (!present) return null;
  const before = issues.length;
  const baseUrl = field(httpUrl, env, n.url, issues);
  const apiKey = field(required, env, n.key, issues);
  const apiSecret = field(required, env, n.secret, issues);
  const merchantId = n.merchant === null ? null : field(required, env, n.merchant, issues);
  const timeoutMs = field(timeout, env, n.timeout, issues, true);
  const retryAttempts = field(retries, env, n.retries, issues, true);
  if (issues.length > before) return null;
  return {
    baseUrl: baseUrl!,
    apiKey: apiKey!,
    apiSecret: apiSecret!,
    merchantId: merchantId ?? null,
    timeoutMs: timeoutMs!,
    retryAttempts: retryAttempts!,
  };
}

/** Reads every vendor section; throws VendorConfigError listing all bad variables at once. */
export function vendorConfigFromEnv(env: NodeJS.ProcessEnv): VendorConfig {
  const issues: string[] = [];
  const sts = section(env, SECTIONS.sts, issues);
  const xmlvend = xmlvendSection(env, issues);
  const cfg: VendorConfig = {
    sts: sts && xmlvend ? { ...sts, xmlvend } : sts,
    acrel: section(env, SECTIONS.acrel, issues),
    headOffice: section(env, SECTIONS.headOffice, issues),
  };
  if (issues.length > 0) throw new VendorConfigError(issues);
  return cfg;
}
