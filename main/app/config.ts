// The app's configuration: built-in defaults, overridden by SHAHN_* environment variables and the
// vendor variables of the seed (STS_API_*, ACREL_API_*, HEAD_OFFICE_*). Validated with zod; a bad
// value is an error that names the variable, never a silent default.
import { z } from 'zod';
import { acceptedAddresses, isPrinterAddress } from '../printing/address';
import { vendorConfigFromEnv, type VendorConfig } from '../vendors/config';
import { defaultDataDir } from './data-dir';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const AppSettingsSchema = z.object({
  dataDir: z.string().min(1),
  counterName: z.string().min(1).max(64),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as YER or SAR'),
  currencyDecimals: z.number().int().min(0).max(3),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Aden'),
  defaultLocale: z.enum(['ar', 'en']),
  utilityName: z.object({ ar: z.string(), en: z.string() }),
  taxNumber: z.string().nullable(),
  receiptFooter: z.object({ ar: z.string(), en: z.string() }).nullable(),
  printer: z.object({
    /** tcp://host:9100, printer:NAME or a printer device (printing/address.ts); null = no printer at this counter */
    iface: z.string().refine((a) => isPrinterAddress(a), `must be a printer address: ${acceptedAddresses(process.platform)}`).nullable(),
    widthMm: z.union([z.literal(58), z.literal(80)]),
    profile: z.enum(['epson', 'star']),
    language: z.enum(['ar', 'en', 'both']),
    timeoutMs: z.number().int().min(100).max(60_000),
  }),
  sessionTtlMinutes: z.number().int().min(1).max(24 * 60),
  /** Tests turn this on: every handler output is checked against the contract. */
  validateOutputs: z.boolean(),
  /** How far from their clock the vendors accept a request's signed timestamp (our protocol: 5 min). */
  vendorTimestampToleranceMs: z.number().int().min(100).max(24 * 3600_000),
  /**
   * How long after an attempt was signed a vendor may still accept it: the tolerance above plus
   * how far a vendor's clock may lag ours. A sale is failed ("not vended") only once this has
   * passed since the last attempt that may have left (main/sales/deliveries.ts).
   */
  vendorAcceptWindowMs: z.number().int().min(100).max(24 * 3600_000),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']),
  outbox: z.object({ baseDelayMs: z.number().int().min(10), maxDelayMs: z.number().int().min(10), idleProbeMs: z.number().int().min(50) }),
  vending: z.object({
    /** 'vendor': ask the STS vendor, vend locally only when it provably never got the request. 'local': always on the counter. */
    mode: z.enum(['vendor', 'local']),
    /** Most money (minor units) vended locally and not yet reported to the head office. */
    offlineLimitMinor: z.number().int().min(0).max(1_000_000_000_000),
    /** Longest a cashier waits for the vendor; after it the outcome is `unknown` and resolved in the background. */
    saleDeadlineMs: z.number().int().min(200).max(120_000),
  }),
  masterData: z.object({
    /** SHAHN_MASTER_DATA=head-office: the head office owns this counter's master data even without enrolment. */
    headOffice: z.boolean(),
    /** SHAHN_MASTER_DATA_PULL_MS: how often an enrolled counter pulls master data. */
    pullMs: z.number().int().min(1_000).max(24 * 3600_000),
  }),
  backup: z.object({
    /** Folder the operator chose; null = <dataDir>/backups. */
    dir: z.string().min(1).nullable(),
    /** 0 = no scheduled backups (shift close and `backup.now` still back up). */
    intervalMinutes: z.number().int().min(0).max(7 * 24 * 60),
    /** How many backup files to keep in the folder (oldest removed first). */
    keep: z.number().int().min(1).max(10_000),
  }),
});
export type AppSettings = z.infer<typeof AppSettingsSchema>;
export type AppConfig = AppSettings & { vendors: VendorConfig };

export function defaultSettings(dataDir: string): AppSettings {
  return {
    dataDir,
    counterName: 'Counter 1',
    currency: 'YER',
    currencyDecimals: 0,
    timeZone: 'Asia/Aden',
    defaultLocale: 'ar',
    utilityName: { ar: 'شركة الكهرباء', en: 'Electricity Company' },
    taxNumber: null,
    receiptFooter: null,
    printer: { iface: null, widthMm: 80, profile: 'epson', language: 'both', timeoutMs: 5_000 },
    // A till left alone locks itself: an hour without a call ends the session.
    sessionTtlMinutes: 60,
    validateOutputs: false,
    vendorTimestampToleranceMs: 5 * 60_000,
    vendorAcceptWindowMs: 6 * 60_000,
    logLevel: 'info',
    outbox: { baseDelayMs: 2_000, maxDelayMs: 5 * 60_000, idleProbeMs: 15_000 },
    vending: { mode: 'vendor', offlineLimitMinor: 500_000, saleDeadlineMs: 8_000 },
    backup: { dir: null, intervalMinutes: 60, keep: 48 },
    masterData: { headOffice: false, pullMs: 30_000 },
  };
}

/** SHAHN_MASTER_DATA: "head-office", or empty for the default (the head office once enrolled). */
function masterDataOwnerFromEnv(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined || v === '') return dflt;
  if (v === 'head-office') return true;
  throw new Error(`Invalid Shahn settings:\n- SHAHN_MASTER_DATA must be "head-office" or empty (got "${v.slice(0, 32)}")`);
}

const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));

/** Settings from the environment over the defaults; throws with every bad variable named. */
export function configFromEnv(env: NodeJS.ProcessEnv, overrides: Partial<AppSettings> = {}): AppConfig {
  const base = defaultSettings(env.SHAHN_DATA_DIR || defaultDataDir(process.platform, env));
  const d = { ...base, ...overrides };
  const candidate = {
    ...d,
    counterName: env.SHAHN_COUNTER_NAME ?? d.counterName,
    currency: env.SHAHN_CURRENCY ?? d.currency,
    currencyDecimals: num(env.SHAHN_CURRENCY_DECIMALS) ?? d.currencyDecimals,
    timeZone: env.SHAHN_TIME_ZONE ?? d.timeZone,
    defaultLocale: env.SHAHN_LOCALE ?? d.defaultLocale,
    logLevel: env.SHAHN_LOG_LEVEL ?? d.logLevel,
    sessionTtlMinutes: num(env.SHAHN_SESSION_TTL_MINUTES) ?? d.sessionTtlMinutes,
    vendorTimestampToleranceMs: num(env.SHAHN_VENDOR_TIMESTAMP_TOLERANCE_MS) ?? d.vendorTimestampToleranceMs,
    vendorAcceptWindowMs: num(env.SHAHN_VENDOR_ACCEPT_WINDOW_MS) ?? d.vendorAcceptWindowMs,
    vending: {
      ...d.vending,
      mode: env.SHAHN_VEND_LOCALLY === undefined || env.SHAHN_VEND_LOCALLY === '' ? d.vending.mode : env.SHAHN_VEND_LOCALLY === '1' ? 'local' : 'vendor',
      offlineLimitMinor: num(env.SHAHN_OFFLINE_LIMIT_MINOR) ?? d.vending.offlineLimitMinor,
      saleDeadlineMs: num(env.SHAHN_SALE_DEADLINE_MS) ?? d.vending.saleDeadlineMs,
    },
    masterData: {
      headOffice: masterDataOwnerFromEnv(env.SHAHN_MASTER_DATA, d.masterData.headOffice),
      pullMs: num(env.SHAHN_MASTER_DATA_PULL_MS) ?? d.masterData.pullMs,
    },
    backup: {
      ...d.backup,
      dir: env.SHAHN_BACKUP_DIR || d.backup.dir,
      intervalMinutes: num(env.SHAHN_BACKUP_INTERVAL_MINUTES) ?? d.backup.intervalMinutes,
    },
    printer: {
      ...d.printer,
      iface: env.SHAHN_PRINTER ?? d.printer.iface,
      widthMm: num(env.SHAHN_PRINTER_WIDTH_MM) ?? d.printer.widthMm,
      language: env.SHAHN_RECEIPT_LANGUAGE ?? d.printer.language,
    },
  };
  const parsed = AppSettingsSchema.refine((s) => s.vendorAcceptWindowMs >= s.vendorTimestampToleranceMs, {
    path: ['vendorAcceptWindowMs'],
    // A shorter window would hand money back while the vendor may still accept the request.
    message: `(SHAHN_VENDOR_ACCEPT_WINDOW_MS, ${candidate.vendorAcceptWindowMs} ms) must be at least the vendors' timestamp tolerance (SHAHN_VENDOR_TIMESTAMP_TOLERANCE_MS, ${candidate.vendorTimestampToleranceMs} ms): a sale must not be failed while the vendor may still accept its request`,
  }).safeParse(candidate);
  if (!parsed.success) {
    throw new Error(`Invalid Shahn settings:\n- ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('\n- ')}`);
  }
  return { ...parsed.data, vendors: vendorConfigFromEnv(env) };
}
