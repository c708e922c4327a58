// THE contract between the renderer and main. One map: channel -> { input, output, role }.
// Imported by main (to validate and authorise), by the preload (to know the channel names) and
// by the renderer (for types only). Money is always an integer of minor units; energy an integer
// of 0.1 kWh; prices are exact decimal strings; times are ISO-8601 UTC strings.
import { z } from 'zod';
import { tariffChannels } from './contract-tariffs';
import { meterChannels } from './contract-meters';
import { dayChannels } from './contract-day';
import { vendorChannels } from './contract-vendors';
export * from './contract-tariffs';
export * from './contract-day';
export * from './contract-vendors';

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
  /** The same name in Latin letters (English screens), when the utility recorded one. */
  customerNameLatin: z.string().nullable().optional(),
  customerPhone: z.string().nullable(),
  paymentMode: PaymentMode,
  tariffName: Bilingual,
});
export type MeterSummary = z.infer<typeof MeterSummarySchema>;

/** 'settlement': a postpaid/credit payment that settles the meter account's debt (no token, no energy). */
export const ProductSchema = z.enum(['sts_kwh', 'acrel_credit', 'settlement']);
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
  // Added with payment modes; optional so quotes stored before them still read back.
  /** The meter's payment mode at the time of the quote. */
  paymentMode: PaymentMode.optional(),
  /** 'settlement': a postpaid/credit payment that buys no energy, it pays down the debt. */
  kind: z.enum(['purchase', 'settlement']).optional(),
  /** The meter's debt before and after this sale (null when it owed nothing). */
  debt: z.object({ beforeMinor: minor, recoveredMinor: minor, afterMinor: minor }).nullable().optional(),
  /** Vend by units: the energy the customer asked for, in 0.1 kWh. */
  requestedEnergyTenths: z.number().int().positive().nullable().optional(),
});
export type Quote = z.infer<typeof QuoteSchema>;

/**
 * What the cashier was shown and confirmed (issue 12): the figures of the quote on screen. sales.sell
 * re-prices at the moment of sale and refuses with PRICE_CHANGED (carrying the new quote) if any
 * differs, so a tariff boundary or a new schedule never sells at a price nobody saw.
 */
export const ConfirmedPriceSchema = z.object({
  scheduleId: z.number().int().positive(),
  /** The tariff period, as the quote names it (HH:MM, counter-local; the end may be 24:00). */
  periodStart: z.string().regex(/^\d{2}:\d{2}$/),
  periodEnd: z.string().regex(/^\d{2}:\d{2}$/),
  /** The quote's price per kWh, minor units, exact decimal. */
  pricePerKwh: z.string().regex(/^\d{1,12}(\.\d{1,4})?$/),
  chargedMinor: minor,
  /** STS energy (0.1 kWh); null for money credit and account payments. */
  energyTenths: z.number().int().nonnegative().max(18_201_624).nullable(),
  /** What the customer gets in money: the energy's cost (STS) or the credit sent (cloud meters). */
  valueMinor: minor,
}).strict();
export type ConfirmedPrice = z.infer<typeof ConfirmedPriceSchema>;

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

/** A message the receiver refused for good; a supervisor sends it again or resolves it. */
export const DeadLetterSchema = z.object({
  id: z.number().int(),
  topic: z.string(),
  saleId: z.string().nullable(),
  receiptNo: z.number().int().nullable(),
  meterNumber: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  /** The receiver's refusal, in both languages (null for messages refused before Shahn kept it). */
  reason: z.object({ code: z.string(), message: Bilingual }).nullable(),
  refusedAt: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;

export const BackupResultSchema = z.object({ file: z.string(), bytes: z.number().int().nonnegative(), at: isoTime });

// Receipts and the printer (issue 7). The settings' shape is checked here; whether an address
// or a name makes sense is checked by main/settings, which answers in both languages.
export const PrinterSettingsSchema = z.object({
  /** tcp://host:9100, printer:NAME or a printer device, never a file (main/printing/address.ts); null = no printer at this counter */
  iface: z.string().trim().max(300).nullable(),
  widthMm: z.union([z.literal(58), z.literal(80)]),
  profile: z.enum(['epson', 'star']),
  language: z.enum(['ar', 'en', 'both']),
  utilityName: Bilingual,
  taxNumber: z.string().trim().max(64).nullable(),
  footer: Bilingual.nullable(),
  cashDrawer: z.boolean(),
}).strict();
export type PrinterSettings = z.infer<typeof PrinterSettingsSchema>;
export const PrintJobSchema = z.object({
  id: z.number().int(),
  saleId: z.string(),
  receiptNo: z.number().int(),
  copy: z.boolean(),
  status: z.enum(['queued', 'printing', 'printed', 'failed']),
  attempts: z.number().int().nonnegative(),
  errorCode: z.string().nullable(),
  error: Bilingual.nullable(),
  nextAt: z.string(),
  createdAt: z.string(),
});
export type PrintJob = z.infer<typeof PrintJobSchema>;
const PrintResultSchema = z.object({ printed: z.boolean(), copy: z.boolean(), error: Bilingual.nullable() });

const empty = z.object({}).strict();
/** Vend by units: 0.1 kWh, at most what one STS token can carry (18 201 624 = 1 820 162.4 kWh). */
const energyInput = z.number().int().positive().max(18_201_624);
const amountOrEnergy = (i: { amountMinor?: number; energyTenths?: number }) => (i.amountMinor === undefined) !== (i.energyTenths === undefined);
const AMOUNT_OR_ENERGY = { message: 'give exactly one of amountMinor (money) or energyTenths (0.1 kWh)', path: ['amountMinor'] };

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
      .object({ meterNumber: meterNumberInput, amountMinor: positiveMinor.optional(), energyTenths: energyInput.optional(), tenderedMinor: minor.optional(), at: isoTime.optional() })
      .strict()
      .refine(amountOrEnergy, AMOUNT_OR_ENERGY),
    output: QuoteSchema,
    role: 'cashier',
  }),
  'sales.sell': channel({
    input: z
      .object({
        /** Client-generated: a retry of the same sale with the same id never sells twice. */
        saleId: z.string().uuid().optional(),
        meterNumber: meterNumberInput,
        /** Vend by amount (money) or by units (energyTenths, 0.1 kWh): exactly one of the two. */
        amountMinor: positiveMinor.optional(),
        energyTenths: energyInput.optional(),
        tenderedMinor: minor,
        paymentMethod: PaymentMethod,
        /** A supervisor's approval (approvals.grant, 'sale-above-max') for an amount above the maximum. */
        approvalToken: z.string().min(1).max(200).optional(),
        /** The quote the cashier confirmed (from sales.quote, or from a PRICE_CHANGED refusal). */
        confirmed: ConfirmedPriceSchema,
      })
      .strict()
      .refine(amountOrEnergy, AMOUNT_OR_ENERGY),
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
    /** approvalToken (approvals.grant, action 'reprint'): needed by a cashier for a second copy and beyond. */
    input: z.object({ id: z.string().uuid(), approvalToken: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/).optional() }).strict(),
    output: z.object({ printed: z.boolean(), copy: z.boolean(), error: Bilingual.nullable() }),
    role: 'cashier',
  }),
  'sync.status': channel({ input: empty, output: SyncStatusSchema, role: 'cashier' }),
  'sync.now': channel({ input: empty, output: SyncStatusSchema, role: 'cashier' }),
  // Offline-first (issue 6): the cashier's list of sales still on their way, the supervisor's
  // dead-letter list, and an on-demand database backup.
  'sales.pending': channel({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(SaleSchema),
    role: 'cashier',
  }),
  'outbox.deadLetters': channel({
    input: z.object({ includeResolved: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(DeadLetterSchema),
    role: 'supervisor',
  }),
  'outbox.retry': channel({ input: z.object({ id: z.number().int().positive() }).strict(), output: SyncStatusSchema, role: 'supervisor' }),
  'outbox.resolve': channel({
    input: z.object({ id: z.number().int().positive(), note: z.string().trim().min(3).max(500) }).strict(),
    output: SyncStatusSchema,
    role: 'supervisor',
  }),
  'backup.now': channel({ input: empty, output: BackupResultSchema, role: 'supervisor' }),
  'printer.settings': channel({ input: empty, output: z.object({ settings: PrinterSettingsSchema, saved: z.boolean() }), role: 'supervisor' }),
  'printer.saveSettings': channel({ input: PrinterSettingsSchema, output: PrinterSettingsSchema, role: 'supervisor' }),
  /** A test page with the given (unsaved) settings, or the saved ones. Not queued: the answer is the point. */
  'printer.test': channel({ input: z.object({ settings: PrinterSettingsSchema.optional() }).strict(), output: PrintResultSchema, role: 'supervisor' }),
  /** The receipt of a sale as the exact 1-bit bitmap the printer gets (PNG, base64). */
  'receipts.preview': channel({
    input: z.object({ id: z.string().uuid(), copy: z.boolean().default(false) }).strict(),
    output: z.object({ png: z.string(), width: z.number().int(), height: z.number().int(), widthMm: z.union([z.literal(58), z.literal(80)]), rasters: z.array(z.object({ top: z.number().int(), height: z.number().int() })) }),
    role: 'cashier',
  }),
  /** Receipts not printed yet after at least one try: what the sell screen's alert shows. */
  'receipts.problems': channel({ input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(), output: z.array(PrintJobSchema), role: 'cashier' }),
  /** Retry: the same job again now (nothing came out). */
  'receipts.retry': channel({ input: z.object({ jobId: z.number().int().positive() }).strict(), output: PrintResultSchema, role: 'cashier' }),
  /** Reprint: part of it may be on paper, so the job is closed and a COPY is printed instead (audited). */
  'receipts.reprint': channel({ input: z.object({ jobId: z.number().int().positive(), approvalToken: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/).optional() }).strict(), output: PrintResultSchema, role: 'cashier' }),
  ...tariffChannels,
  ...meterChannels,
  ...dayChannels,
  ...vendorChannels,
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
  'NOTHING_OWED',
  'WRONG_PAYMENT_MODE',
  'VENDOR_REFUSED',
  'CONFLICT',
  /** A supervisor's approval (approvals.grant) is needed: the UI asks for it and calls again with approvalToken. */
  'APPROVAL_REQUIRED',
  /** No open shift for this cashier: the UI offers shifts.open. */
  'SHIFT_REQUIRED',
  'VENDOR_UNREACHABLE',
  /** A PIN typed to approve or to change a PIN was wrong: the session itself is fine. */
  'WRONG_PIN',
  'NOT_CONFIGURED',
  /** Pricing at the moment of sale differs from the confirmed quote: nothing was sold; the error's quote is the new price to confirm. */
  'PRICE_CHANGED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export const RpcErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES), message: Bilingual, issues: z.array(z.string()).optional(),
    /** The price as it is now: PRICE_CHANGED's new quote; AMOUNT_TOO_LARGE's price with a supervisor's approval. */
    quote: QuoteSchema.optional(),
  }),
});
export type RpcError = z.infer<typeof RpcErrorSchema>['error'];

/** What the preload exposes as window.shahn — nothing else. */
export interface ShahnBridge {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<{ ok: true; value: ChannelOutput<C> } | { ok: false; error: RpcError }>;
}
