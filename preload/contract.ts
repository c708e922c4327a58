// THE contract between the renderer and main. One map: channel -> { input, output, role }.
// Imported by main (to validate and authorise), by the preload (to know the channel names) and
// by the renderer (for types only). Money is always an integer of minor units; energy an integer
// of 0.1 kWh; prices are exact decimal strings; times are ISO-8601 UTC strings.
import { z } from 'zod';

export const ROLES = ['cashier', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** 'public' channels need no session (login, app info). */
export type ChannelRole = Role | 'public';

const minor = z.number().int().nonnegative().max(1_000_000_000_000);
const positiveMinor = z.number().int().positive().max(1_000_000_000_000);
const isoTime = z.string().datetime({ offset: true });
const meterNumberInput = z.string().trim().min(1).max(32);

export const Bilingual = z.object({ ar: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof Bilingual>;

export const UserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(['ar', 'en']),
});
export type User = z.infer<typeof UserSchema>;

export const MeterKind = z.enum(['sts', 'acrel']);
export type MeterKind = z.infer<typeof MeterKind>;
export const PaymentMode = z.enum(['prepaid', 'postpaid', 'credit']);

export const MeterSummarySchema = z.object({
  number: z.string(),
  kind: MeterKind,
  customerName: z.string().nullable(),
  customerPhone: z.string().nullable(),
  paymentMode: PaymentMode,
  tariffName: Bilingual,
});
export type MeterSummary = z.infer<typeof MeterSummarySchema>;

export const ProductSchema = z.enum(['sts_kwh', 'acrel_credit']);
export type Product = z.infer<typeof ProductSchema>;

export const DeductionSchema = z.object({
  kind: z.enum(['vat', 'fee', 'debt']),
  label: Bilingual,
  amountMinor: minor,
});
export type Deduction = z.infer<typeof DeductionSchema>;

export const TariffAppliedSchema = z.object({
  scheduleId: z.number().int(),
  scheduleName: Bilingual,
  periodName: Bilingual,
  /** minor units per kWh, exact decimal string with up to 4 decimals, e.g. "12.5000" */
  pricePerKwh: z.string(),
  periodStart: z.string(), // HH:MM, counter-local
  periodEnd: z.string(),
  timeZone: z.string(),
});
export type TariffApplied = z.infer<typeof TariffAppliedSchema>;

export const QuoteSchema = z.object({
  meterNumber: z.string(),
  product: ProductSchema,
  customerName: z.string().nullable(),
  at: isoTime,
  currency: z.string(),
  tariff: TariffAppliedSchema,
  amountMinor: minor,
  deductions: z.array(DeductionSchema),
  /** STS: energy in 0.1 kWh, rounded down. Null for money credit. */
  energyTenths: z.number().int().nonnegative().nullable(),
  /** STS: exact money the energy costs (rounded up to the minor unit). Acrel: the credit sent. */
  valueMinor: minor,
  /** Acrel: estimate of energy at the current price, in 0.1 kWh. */
  estimatedEnergyTenths: z.number().int().nonnegative().nullable(),
  chargedMinor: minor,
  tenderedMinor: minor,
  changeMinor: minor,
});
export type Quote = z.infer<typeof QuoteSchema>;

export const SALE_STATUSES = ['paid', 'issued', 'pending', 'unknown', 'failed'] as const;
export const SaleStatus = z.enum(SALE_STATUSES);
export type SaleStatus = z.infer<typeof SaleStatus>;
export const PaymentMethod = z.enum(['cash', 'card', 'transfer']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const SaleSchema = QuoteSchema.extend({
  id: z.string().uuid(),
  receiptNo: z.number().int().positive(),
  status: SaleStatus,
  paymentMethod: PaymentMethod,
  cashier: z.string(),
  token: z.string().nullable(),
  tokenSource: z.enum(['vendor', 'local']).nullable(),
  vendorRef: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: Bilingual.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  printStatus: z.enum(['none', 'queued', 'printed', 'failed']),
});
export type Sale = z.infer<typeof SaleSchema>;

export const SyncStatusSchema = z.object({
  online: z.boolean(),
  pending: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  lastSyncAt: isoTime.nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  currency: z.string(),
  currencyDecimals: z.number().int().min(0).max(3),
  timeZone: z.string(),
  defaultLocale: z.enum(['ar', 'en']),
  counterName: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

const empty = z.object({}).strict();

function channel<I extends z.ZodType, O extends z.ZodType>(def: { input: I; output: O; role: ChannelRole }) {
  return def;
}

export const contract = {
  'app.info': channel({ input: empty, output: AppInfoSchema, role: 'public' }),
  'auth.login': channel({
    input: z.object({ username: z.string().trim().min(1).max(64), pin: z.string().regex(/^\d{4,12}$/) }).strict(),
    output: z.object({ token: z.string(), user: UserSchema }),
    role: 'public',
  }),
  'auth.logout': channel({ input: empty, output: z.object({ ok: z.literal(true) }), role: 'cashier' }),
  'auth.me': channel({ input: empty, output: UserSchema, role: 'cashier' }),
  'meters.lookup': channel({
    input: z.object({ query: z.string().trim().min(1).max(64) }).strict(),
    output: z.array(MeterSummarySchema),
    role: 'cashier',
  }),
  'sales.quote': channel({
    input: z
      .object({ meterNumber: meterNumberInput, amountMinor: positiveMinor, tenderedMinor: minor.optional(), at: isoTime.optional() })
      .strict(),
    output: QuoteSchema,
    role: 'cashier',
  }),
  'sales.sell': channel({
    input: z
      .object({
        /** Client-generated: a retry of the same sale with the same id never sells twice. */
        saleId: z.string().uuid().optional(),
        meterNumber: meterNumberInput,
        amountMinor: positiveMinor,
        tenderedMinor: minor,
        paymentMethod: PaymentMethod,
      })
      .strict(),
    output: SaleSchema,
    role: 'cashier',
  }),
  'sales.get': channel({ input: z.object({ id: z.string().uuid() }).strict(), output: SaleSchema, role: 'cashier' }),
  'sales.recent': channel({
    input: z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict(),
    output: z.array(SaleSchema),
    role: 'cashier',
  }),
  'sales.print': channel({
    input: z.object({ id: z.string().uuid() }).strict(),
    output: z.object({ printed: z.boolean(), copy: z.boolean(), error: Bilingual.nullable() }),
    role: 'cashier',
  }),
  'sync.status': channel({ input: empty, output: SyncStatusSchema, role: 'cashier' }),
  'sync.now': channel({ input: empty, output: SyncStatusSchema, role: 'cashier' }),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** Errors crossing the boundary: a stable code plus a message in both languages. */
export const ERROR_CODES = [
  'BAD_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'LOCKED_OUT',
  'NOT_FOUND',
  'METER_NOT_FOUND',
  'BAD_METER_NUMBER',
  'AMOUNT_TOO_SMALL',
  'AMOUNT_TOO_LARGE',
  'TENDERED_TOO_LOW',
  'NO_TARIFF',
  'VENDOR_REFUSED',
  'CONFLICT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export const RpcErrorSchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: Bilingual, issues: z.array(z.string()).optional() }),
});
export type RpcError = z.infer<typeof RpcErrorSchema>['error'];

/** What the preload exposes as window.shahn — nothing else. */
export interface ShahnBridge {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<{ ok: true; value: ChannelOutput<C> } | { ok: false; error: RpcError }>;
}
