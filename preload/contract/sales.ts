// The sales.* channels: quote, sell, read back, print and list the sales still on their way;
// the quote, the confirmed price and the sale record they carry.
import { z } from 'zod';
import { ApprovalTokenInput } from './auth';
import { PaymentMode } from './meters';
import { Bilingual, channel, isoTime, meterNumber, minor, positiveMinor, PrintOutcomeSchema } from './shared';

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

/** One transaction of a vending server's own breakdown (XMLVend): its type, its words, its amount. */
export const ServerLineSchema = z.object({
  /** The server's transaction type (CreditVendTx, ServiceChrgTx, DebtRecoveryTx, VAT...). */
  type: z.string().min(1).max(64),
  /** The server's own words for it (a service charge's account description), if any. */
  desc: z.string().max(128).nullable(),
  minor,
});
export type ServerLine = z.infer<typeof ServerLineSchema>;

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
  /**
   * STS: what the cashier must know about the meter's vending key before taking the money: a key
   * that is missing, retired or expired (a token made on this counter is impossible), or a key
   * change the receipt will carry; on a counter whose head office leases meters, no live lease on
   * the meter (main/leases/local-plan.ts). Absent when there is nothing to say.
   */
  keyNotice: z.object({ code: z.enum(['NO_VENDING_KEY', 'KEY_RETIRED', 'KEY_EXPIRED', 'KEY_CHANGE', 'KEY_CHANGE_UNSUPPORTED',
    'NO_LEASE', 'LEASE_HELD_ELSEWHERE', 'LEASE_EXPIRED', 'LEASE_KEY_STALE', 'CLOCK_BEHIND']), message: Bilingual }).optional(),
  /**
   * Present when the vending server priced the sale (an XMLVend trial vend): its tariff and
   * transactions. Energy, value and deductions are then the server's, not the counter's tariff's.
   */
  server: z.object({ protocol: z.literal('xmlvend'), tariffName: z.string().max(128).nullable(), lines: z.array(ServerLineSchema).max(32) }).optional(),
});
export type Quote = z.infer<typeof QuoteSchema>;

/**
 * What the cashier was shown and confirmed: the figures of the quote on screen. sales.sell
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
/** Where a token came from: the vendor, or made at the counter (local vending). */
export const TokenSource = z.enum(['vendor', 'local']);
export const PrintStatus = z.enum(['none', 'queued', 'printed', 'failed']);

/** The kinds of token a vending server may return for one sale, named for the order they are entered in. */
export const VENDOR_TOKEN_KINDS = ['kct1', 'kct2', 'credit', 'fbe', 'engineering'] as const;
export const VendorTokenKind = z.enum(VENDOR_TOKEN_KINDS);
export type VendorTokenKind = z.infer<typeof VendorTokenKind>;

/**
 * What a vending server that prices and breaks down the sale itself (an XMLVend 2.1 server) said
 * about it: its own receipt number, every token in the order the customer must enter them
 * (key-change tokens first, then credit, then free basic electricity), and its transactions
 * (the energy's money, service charges, debt recovered, tax), which sum to what the customer paid.
 * Stored with the outcome, so a reprint shows exactly what the server answered.
 */
export const VendorReceiptSchema = z.object({
  protocol: z.literal('xmlvend'),
  receiptNo: z.string().min(1).max(64),
  tokens: z.array(z.object({
    kind: VendorTokenKind,
    digits: z.string().regex(/^\d{20}$/),
    /** The energy this token carries, in 0.1 kWh (null when the server did not say). */
    energyTenths: z.number().int().nonnegative().nullable(),
  })).min(1).max(8),
  lines: z.array(ServerLineSchema).max(32),
  tariffName: z.string().max(128).nullable(),
});
export type VendorReceipt = z.infer<typeof VendorReceiptSchema>;

export const SaleSchema = QuoteSchema.extend({
  id: z.string().uuid(),
  receiptNo: z.number().int().positive(),
  status: SaleStatus,
  paymentMethod: PaymentMethod,
  cashier: z.string(),
  token: z.string().nullable(),
  tokenSource: TokenSource.nullable(),
  vendorRef: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: Bilingual.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  printStatus: PrintStatus,
  /**
   * Present only when the sale carried a key change (the meter's key data changed since its last
   * token): the two key-change tokens, entered in this order BEFORE the credit token.
   */
  keyChangeTokens: z.tuple([z.string(), z.string()]).optional(),
  /** Present only for a token from a server that sends its own breakdown (XMLVend). */
  vendorReceipt: VendorReceiptSchema.optional(),
});
export type Sale = z.infer<typeof SaleSchema>;

/** Vend by units: 0.1 kWh, at most what one STS token can carry (18 201 624 = 1 820 162.4 kWh). */
const energyInput = z.number().int().positive().max(18_201_624);
const amountOrEnergy = (i: { amountMinor?: number; energyTenths?: number }) => (i.amountMinor === undefined) !== (i.energyTenths === undefined);
const AMOUNT_OR_ENERGY = { message: 'give exactly one of amountMinor (money) or energyTenths (0.1 kWh)', path: ['amountMinor'] };

export const saleChannels = {
  'sales.quote': channel({
    input: z
      .object({ meterNumber, amountMinor: positiveMinor.optional(), energyTenths: energyInput.optional(), tenderedMinor: minor.optional(), at: isoTime.optional() })
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
        meterNumber,
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
    input: z.object({ id: z.string().uuid(), approvalToken: ApprovalTokenInput.optional() }).strict(),
    output: PrintOutcomeSchema,
    role: 'cashier',
  }),
  /** The cashier's list of sales still on their way to the vendor or the head office. */
  'sales.pending': channel({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(SaleSchema),
    role: 'cashier',
  }),
} as const;
