// The reports' wire: the query each report takes and the JSON it answers, as zod schemas the web
// console can import to check what it reads. Money is integer minor units with the currency's
// ISO 4217 exponent beside it (null for a code ISO does not know), energy 0.1 kWh, instants
// ISO-8601 UTC, days YYYY-MM-DD in the report's time zone.
import { z } from 'zod';
import { ProductSchema, SaleStatus } from '../../preload/contract/sales';
import { isTimeZoneName } from './time-zone';

export const REPORT_KINDS = ['sales-by-day', 'z-reports', 'outstanding', 'counters'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const GROUP_BY = ['counter', 'cashier', 'product', 'period'] as const;
export const GroupBySchema = z.enum(GROUP_BY);
export const LangSchema = z.enum(['ar', 'en']);
export type Lang = z.infer<typeof LangSchema>;

/** Most rows a JSON answer carries; the CSV export has no limit (it is streamed). */
export const MAX_JSON_ROWS = 5_000;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const isCalendarDay = (s: string) => {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
};
export const DaySchema = z.string().refine(isCalendarDay, 'must be a calendar day YYYY-MM-DD');

/** A query string value given once ("1,2") or repeated (?counter=1&counter=2): one list. */
const listOf = <T extends z.ZodType<unknown, string>>(item: T) =>
  z.union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== ''))
    .pipe(z.array(item).min(1).max(200));

const counterIds = listOf(z.string().regex(/^\d{1,15}$/, 'must be counter ids').transform(Number));
const products = listOf(ProductSchema);
const timeZone = z.string().refine(isTimeZoneName, 'must be an IANA time zone such as Africa/Tripoli');

const common = {
  format: z.enum(['json', 'csv']).default('json'),
  lang: LangSchema.default('ar'),
  /** Overrides the service's HEAD_OFFICE_TIME_ZONE for this request. */
  timeZone: timeZone.optional(),
  counter: counterIds.optional(),
};
const range = { from: DaySchema, to: DaySchema };
const fromBeforeTo = (q: { from: string; to: string }) => q.from <= q.to;
const ORDER = { message: 'must not be before from', path: ['to'] };

export const SalesByDayQuerySchema = z.object({ ...common, ...range, by: GroupBySchema.default('counter'), product: products.optional() })
  .strict().refine(fromBeforeTo, ORDER);
export const ZReportsQuerySchema = z.object({ ...common, ...range }).strict().refine(fromBeforeTo, ORDER);
export const OutstandingQuerySchema = z.object({ ...common }).strict();
export type SalesByDayQuery = z.infer<typeof SalesByDayQuerySchema>;
export type ZReportsQuery = z.infer<typeof ZReportsQuerySchema>;
export type OutstandingQuery = z.infer<typeof OutstandingQuerySchema>;

const count = z.number().int().nonnegative();
const minor = z.number().int();
const instant = z.string().datetime({ offset: true });
const Bilingual = z.object({ ar: z.string(), en: z.string() });
const Money = { currency: z.string(), currencyDecimals: z.number().int().min(0).max(4).nullable() };

/** Which statuses land in which column: the answer says it, so no reader has to guess. */
export const STATUS_BUCKETS = {
  /** The token or credit was delivered (or the account payment made). */
  sold: ['issued'],
  /** The money was taken and the delivery is not confirmed yet. */
  open: ['paid', 'pending', 'unknown'],
  /** Refused; the money was handed back. In no money total. */
  refunded: ['failed'],
} as const;

const Amounts = z.object({ count, chargedMinor: minor, valueMinor: minor, energyTenths: count });

/**
 * A sales row's money that needs a look: DECIMALS_UNKNOWN, the counters behind it never said the
 * decimals they count in (older counters): its amounts are raw minor units of an unknown size;
 * DECIMALS_NOT_ISO, their decimals differ from ISO 4217's for the currency; DECIMALS_NOT_HEAD_OFFICE,
 * the currency is the head office's (HEAD_OFFICE_CURRENCY) and the decimals differ from
 * HEAD_OFFICE_CURRENCY_DECIMALS: such counters refuse the head office's master data.
 */
export const MONEY_FLAGS = ['DECIMALS_UNKNOWN', 'DECIMALS_NOT_ISO', 'DECIMALS_NOT_HEAD_OFFICE'] as const;
export const MoneyFlagSchema = z.enum(MONEY_FLAGS);
export type MoneyFlag = z.infer<typeof MoneyFlagSchema>;

export const SalesByDayRowSchema = z.object({
  day: DaySchema,
  /** The group: a counter id, "counterId:cashier", a product, or a tariff period ("none": no period; "server:NAME": priced by the vending server). */
  key: z.string(),
  label: Bilingual,
  currency: z.string(),
  /** The decimals the row's amounts are in, as the selling counters said them (null: unknown; such sales are never added to others). */
  currencyDecimals: z.number().int().min(0).max(4).nullable(),
  /** ISO 4217's decimals for the currency (null: a code ISO does not know). */
  isoDecimals: z.number().int().min(0).max(4).nullable(),
  flags: z.array(MoneyFlagSchema),
  sold: Amounts,
  open: Amounts,
  refunded: z.object({ count, chargedMinor: minor }),
});
export type SalesByDayRow = z.infer<typeof SalesByDayRowSchema>;

export const SalesByDayAnswerSchema = z.object({
  report: z.literal('sales-by-day'),
  timeZone: z.string(), from: DaySchema, to: DaySchema, by: GroupBySchema,
  statuses: z.object({ sold: z.array(SaleStatus), open: z.array(SaleStatus), refunded: z.array(SaleStatus) }),
  rows: z.array(SalesByDayRowSchema),
  /** More rows than MAX_JSON_ROWS: the rest only in the CSV export (or a narrower range). */
  truncated: z.boolean(),
});
export type SalesByDayAnswer = z.infer<typeof SalesByDayAnswerSchema>;

export const Z_FLAGS = ['CASH_SHORT', 'CASH_OVER', 'SALES_MISSING', 'SALES_EXTRA', 'CHARGED_MISMATCH', 'EXPECTED_CASH_MISMATCH', 'REFUNDED_SINCE_CLOSE', 'OTHER_CURRENCY', 'DECIMALS_DIFFER'] as const;
export const ZFlagSchema = z.enum(Z_FLAGS);
export type ZFlag = z.infer<typeof ZFlagSchema>;

export const ZReportRowSchema = z.object({
  counterId: z.number().int(), counterName: z.string(), zNo: z.number().int().positive(), cashier: z.string(),
  openedAt: instant, closedAt: instant, ...Money,
  floatMinor: minor, expectedCashMinor: minor, countedCashMinor: minor,
  /** counted - expected, as the counter computed it: negative = short. */
  varianceMinor: minor,
  /** What the counter's Z report says of its shift's sales (refused ones in no total). */
  counter: z.object({ salesCount: count, chargedMinor: minor, cashSalesMinor: minor }),
  /** The same, recomputed from the ledger's sales tied to the shift (head-office/db/reports.ts says how). */
  ledger: z.object({
    salesCount: count, chargedMinor: minor, cashSalesMinor: minor,
    /** Float + the ledger's cash sales: what the drawer should have held by the ledger. */
    expectedCashMinor: minor,
    /** Sales open at close (counted by the Z report) that have since been refused: money handed back after the count. */
    refundedSinceClose: z.object({ count, chargedMinor: minor }),
    /** Sales of the shift in another currency than the Z report's: in no total here. */
    otherCurrencyCount: count,
  }),
  /** counter - ledger: positive = the Z report counted sales (or money) the ledger does not have. */
  difference: z.object({ salesCount: z.number().int(), chargedMinor: minor, expectedCashMinor: minor }),
  /** Receipt numbers of sales the Z report lists (open or refused at close) that the ledger has not received. */
  missingReceiptNos: z.array(z.number().int()),
  flags: z.array(ZFlagSchema),
});
export type ZReportRow = z.infer<typeof ZReportRowSchema>;

export const ZReportsAnswerSchema = z.object({
  report: z.literal('z-reports'), timeZone: z.string(), from: DaySchema, to: DaySchema,
  rows: z.array(ZReportRowSchema), truncated: z.boolean(),
});
export type ZReportsAnswer = z.infer<typeof ZReportsAnswerSchema>;

export const OutstandingSaleSchema = z.object({
  saleId: z.string().uuid(), counterId: z.number().int(), counterName: z.string(), receiptNo: z.number().int(),
  status: z.enum(STATUS_BUCKETS.open), product: ProductSchema, cashier: z.string(), meterNumber: z.string(),
  ...Money, chargedMinor: minor,
  soldAt: instant, updatedAt: instant, lastReceivedAt: instant,
  /** Seconds from the sale to the answer's `at`. */
  ageSeconds: count,
  errorCode: z.string().nullable(),
});
export type OutstandingSale = z.infer<typeof OutstandingSaleSchema>;

export const CounterOutstandingSchema = z.object({
  counterId: z.number().int(), name: z.string(), revoked: z.boolean(), lastSeenAt: instant.nullable(),
  /** What the counter last said it holds (null: it has never said). */
  reported: z.object({ pendingSales: count.nullable(), unknownSales: count.nullable(), at: instant }).nullable(),
  /** The ledger's sales of this counter still open, and the oldest one's time. */
  ledger: z.object({ openCount: count, oldestAt: instant.nullable() }),
});
export type CounterOutstanding = z.infer<typeof CounterOutstandingSchema>;

export const OutstandingAnswerSchema = z.object({
  report: z.literal('outstanding'), at: instant, timeZone: z.string(),
  sales: z.array(OutstandingSaleSchema), truncated: z.boolean(),
  counters: z.array(CounterOutstandingSchema),
});
export type OutstandingAnswer = z.infer<typeof OutstandingAnswerSchema>;

export const CountersAnswerSchema = z.object({ report: z.literal('counters'), at: instant, counters: z.array(CounterOutstandingSchema) });
export type CountersAnswer = z.infer<typeof CountersAnswerSchema>;
