// Every meters.* channel: the counter's lookup, the meter records (customers screen), the meter's
// account (payment mode, debt, limits) and live management through the vendor's cloud.
import { z } from 'zod';
import { Bilingual, channel, id, isoTime, meterNumber, minor, positiveMinor, PrintOutcomeSchema } from './shared';

export const MeterKind = z.enum(['sts', 'acrel']);
export type MeterKind = z.infer<typeof MeterKind>;
export const PaymentMode = z.enum(['prepaid', 'postpaid', 'credit']);

const byMeter = z.object({ meterNumber }).strict();

// --- Lookup at the counter -------------------------------------------------------------------

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

// --- Meter records ---------------------------------------------------------------------------

export const StsKeyData = z.object({
  sgc: z.string().trim().regex(/^\d{6}$/, 'six digits'),
  ti: z.string().trim().regex(/^\d{2}$/, 'two digits'),
  krn: z.number().int().min(1).max(9),
  keyType: z.number().int().min(0).max(3),
  baseDate: z.union([z.literal(1993), z.literal(2014), z.literal(2035)]),
  ea: z.enum(['07', '11']).default('07'),
  dkga: z.enum(['02', '04']).default('02'),
}).strict();

export const MeterDetailSchema = z.object({
  number: z.string(),
  kind: MeterKind,
  active: z.boolean(),
  customer: z.object({ id: z.number().int(), nameAr: z.string(), nameLatin: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  /** The meter's own schedule; a meter in a group follows the group's (change both with tariffs.assign). */
  scheduleCode: z.string(),
  groupCode: z.string().nullable(),
  paymentMode: PaymentMode,
  sts: StsKeyData.required().extend({ lastTid: z.number().int().nullable() }).nullable(),
  /** STS: whether the counter holds the vending key of its SGC/KRN (local vending needs it). */
  hasVendingKey: z.boolean().nullable(),
  createdAt: z.string(),
});
export type MeterDetail = z.infer<typeof MeterDetailSchema>;

// --- The meter's account ---------------------------------------------------------------------

/** The meter cloud's own credit record: money for Acrel, 0.1 kWh for STS (the other unit null). */
export const CloudCreditSchema = z.object({
  mode: PaymentMode,
  creditLimitMinor: z.number().int().nullable(),
  creditLimitTenths: z.number().int().nullable(),
  balanceMinor: z.number().int().nullable(),
  balanceTenths: z.number().int().nullable(),
  /** Credit in use: how far below zero the cloud's balance is. */
  usedCreditMinor: z.number().int().nullable(),
  usedCreditTenths: z.number().int().nullable(),
  readAt: isoTime,
});
export type CloudCredit = z.infer<typeof CloudCreditSchema>;

export const CreditInfoSchema = z.object({
  meterNumber: z.string(),
  kind: MeterKind,
  paymentMode: PaymentMode,
  debtMinor: minor,
  creditLimitMinor: minor.nullable(),
  depositMinor: minor,
  /** Credit mode: how much more may be owed before supply is cut (0 when cut). */
  availableMinor: minor.nullable(),
  supply: z.enum(['on', 'off']),
  minPurchaseMinor: minor.nullable(),
  maxPurchaseMinor: minor.nullable(),
  scheduleCode: z.string(),
  groupCode: z.string().nullable(),
  /** Commands for this meter not yet carried out (queued or sent), oldest first. */
  pendingCommands: z.array(z.string()),
  /** meters.creditInfo only: what the meter's cloud holds (null when it could not be asked). */
  cloud: CloudCreditSchema.nullable().optional(),
  /** Where the counter's record and the cloud's differ, one line each (empty when they agree). */
  disagreements: z.array(Bilingual).optional(),
  /** Why the cloud's record is missing (unreachable, not configured), in both languages. */
  cloudNote: Bilingual.nullable().optional(),
});
export type CreditInfo = z.infer<typeof CreditInfoSchema>;

// --- Live management -------------------------------------------------------------------------
// Reads ask the vendor's cloud directly; commands that change a meter are recorded and travel
// through the outbox, so their status is pending -> sent -> done | failed.

export const MeterLiveStatusSchema = z.object({
  meterNumber: z.string(),
  kind: MeterKind,
  isConnected: z.boolean(),
  connectionType: z.enum(['rf', 'wired', 'unknown']),
  dcuId: z.string().nullable(),
  /** RF link quality 0..100 %; null for wired meters. */
  signalStrength: z.number().int().min(0).max(100).nullable(),
  lastConnectionTime: isoTime.nullable(),
  relay: z.enum(['on', 'off', 'disconnected', 'tripped']),
  amperageLimitA: z.number().int().positive(),
  checkedAt: isoTime,
});
export type MeterLiveStatus = z.infer<typeof MeterLiveStatusSchema>;

export const MeterReadingOutSchema = z.object({
  meterNumber: z.string(),
  readAt: isoTime,
  importTenths: z.number().int().nonnegative(),
  powerW: z.number().int().nonnegative(),
  voltageDeciV: z.number().int().nonnegative(),
});

export const MeterReadingsOutSchema = z.object({
  meterNumber: z.string(),
  readings: z.array(z.object({ at: isoTime, importTenths: z.number().int().nonnegative() })),
});

export const MeterBalanceOutSchema = z.object({
  meterNumber: z.string(),
  kind: MeterKind,
  /** Acrel: the money balance; STS: its value at the vendor's price, when the vendor knows one. */
  balanceMinor: z.number().int().nullable(),
  /** STS: kWh left on the register; Acrel: what the balance buys at the price now. */
  remainingTenths: z.number().int().nullable(),
  readAt: isoTime,
});

/** The payment mode the meter's cloud holds, with its credit limit in the cloud's unit (the other null). */
export const CloudPaymentModeOutSchema = z.object({
  meterNumber: z.string(),
  kind: MeterKind,
  mode: PaymentMode,
  /** Acrel: money. */
  creditLimitMinor: z.number().int().nullable(),
  /** STS: 0.1 kWh. */
  creditLimitTenths: z.number().int().nullable(),
  checkedAt: isoTime,
});

/** The cloud's prepaid account of the meter: money for Acrel, 0.1 kWh for STS (the other null). May be negative in credit mode. */
export const PrepaidBalanceOutSchema = z.object({
  meterNumber: z.string(),
  kind: MeterKind,
  balanceMinor: z.number().int().nullable(),
  balanceTenths: z.number().int().nullable(),
  checkedAt: isoTime,
});

export const METER_COMMAND_KINDS = ['disconnect', 'reconnect', 'reduce_amperage', 'increase_amperage', 'turn_on', 'turn_off'] as const;
/** Commands Shahn sends on its own (payment mode, credit limit, tariff schedule): recorded and listed like the others. */
export const SYSTEM_COMMAND_KINDS = ['set_prepaid_mode', 'set_postpaid_mode', 'set_credit_limit', 'set_tariff_schedule'] as const;
export const MeterCommandInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('disconnect'), reason: z.string().trim().min(3).max(200) }).strict(),
  z.object({ kind: z.enum(['reconnect', 'turn_on', 'turn_off']) }).strict(),
  z.object({ kind: z.enum(['reduce_amperage', 'increase_amperage']), limitA: z.number().int().min(1).max(1000) }).strict(),
]);
export type MeterCommandInput = z.infer<typeof MeterCommandInput>;

export const MeterCommandSchema = z.object({
  id: z.string().uuid(),
  meterNumber: z.string(),
  meterKind: MeterKind,
  kind: z.enum([...METER_COMMAND_KINDS, ...SYSTEM_COMMAND_KINDS]),
  reason: z.string().nullable(),
  limitA: z.number().int().nullable(),
  /** pending: queued in the outbox (e.g. the cloud is unreachable); sent: the cloud accepted it. */
  status: z.enum(['pending', 'sent', 'done', 'failed']),
  vendorCommandId: z.string().nullable(),
  error: z.object({ code: z.string(), message: Bilingual }).nullable(),
  requestedBy: z.string(),
  createdAt: isoTime,
  sentAt: isoTime.nullable(),
  completedAt: isoTime.nullable(),
});
export type MeterCommand = z.infer<typeof MeterCommandSchema>;

export const MaintenanceCodeOutSchema = z.object({
  meterNumber: z.string(),
  purpose: z.enum(['maintenance', 'repair', 'check']),
  action: z.enum(['clear_tamper', 'clear_credit', 'set_power_limit']),
  /** 20 digits, an IEC 62055-41 class 2 engineering token. */
  code: z.string(),
  tid: z.number().int().nonnegative(),
  expiresAt: isoTime,
});

// --- Channels --------------------------------------------------------------------------------
// Grouped by screen: main implements each group in its own handler file.

/** Meter records: create, read and change a meter and its STS key data (customers screen). */
export const meterRecordChannels = {
  'meters.detail': channel({ input: byMeter, output: MeterDetailSchema, role: 'supervisor' }),
  'meters.create': channel({
    input: z.object({
      number: meterNumber, kind: MeterKind, customerId: id.nullable(),
      scheduleCode: z.string().trim().min(1).max(32).optional(), groupCode: z.string().trim().min(1).max(32).optional(),
      sts: StsKeyData.optional(),
    }).strict()
      .refine((i) => (i.kind === 'sts') === (i.sts !== undefined), { message: 'STS key data is required for an STS meter, and only for it', path: ['sts'] })
      .refine((i) => (i.scheduleCode === undefined) !== (i.groupCode === undefined), { message: 'give exactly one of scheduleCode or groupCode', path: ['scheduleCode'] }),
    output: MeterDetailSchema, role: 'supervisor',
  }),
  /** Customer, STS key data, active. The tariff is changed with tariffs.assign. */
  'meters.update': channel({
    input: z.object({ number: meterNumber, customerId: id.nullable().optional(), active: z.boolean().optional(), sts: StsKeyData.optional() }).strict()
      .refine((i) => Object.keys(i).length > 1, { message: 'change at least one field', path: ['number'] }),
    output: MeterDetailSchema, role: 'supervisor',
  }),
} as const;

/** The meter's account: payment mode, credit limit, debt and purchase limits (tariffs screen). */
export const meterAccountChannels = {
  'meters.creditInfo': channel({ input: byMeter, output: CreditInfoSchema, role: 'supervisor' }),
  'meters.setPaymentMode': channel({
    input: z
      .object({
        meterNumber, mode: PaymentMode, creditLimitMinor: positiveMinor.optional(), depositMinor: minor.optional(),
        /** Send the mode to the cloud even when the counter already records it (the cloud holds another). */
        syncCloud: z.boolean().optional(),
      })
      .strict()
      .refine((i) => i.mode !== 'credit' || i.creditLimitMinor !== undefined, { message: 'credit mode needs creditLimitMinor', path: ['creditLimitMinor'] }),
    output: CreditInfoSchema,
    role: 'supervisor',
  }),
  /** Record money owed (positive) or forgiven (negative), with the reason, in the audit log. */
  'meters.adjustDebt': channel({
    input: z.object({
      meterNumber, deltaMinor: z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000).refine((v) => v !== 0, 'must not be 0'), reason: z.string().trim().min(3).max(200),
      /** Client-generated: a retry after a lost answer is recorded once. */
      requestId: z.string().uuid().optional(),
    }).strict(),
    output: CreditInfoSchema,
    role: 'supervisor',
  }),
  'meters.setLimits': channel({
    input: z.object({ meterNumber, minPurchaseMinor: positiveMinor.nullable(), maxPurchaseMinor: positiveMinor.nullable() }).strict()
      .refine((i) => i.minPurchaseMinor === null || i.maxPurchaseMinor === null || i.minPurchaseMinor <= i.maxPurchaseMinor, { message: 'min is above max', path: ['minPurchaseMinor'] }),
    output: CreditInfoSchema,
    role: 'supervisor',
  }),
} as const;

/** Live management (meters screen): reads from the vendor's cloud, commands, engineering tokens. */
export const meterManagementChannels = {
  'meters.status': channel({ input: byMeter, output: MeterLiveStatusSchema, role: 'supervisor' }),
  'meters.reading': channel({ input: byMeter, output: MeterReadingOutSchema, role: 'supervisor' }),
  /** Interval readings; default: the last 24 hours. */
  'meters.readings': channel({
    input: z.object({ meterNumber, from: isoTime.optional(), to: isoTime.optional(), limit: z.number().int().min(1).max(2000).default(96) }).strict(),
    output: MeterReadingsOutSchema,
    role: 'supervisor',
  }),
  'meters.balance': channel({ input: byMeter, output: MeterBalanceOutSchema, role: 'supervisor' }),
  /** The payment mode the meter's cloud holds now (getPaymentMode). */
  'meters.cloudPaymentMode': channel({ input: byMeter, output: CloudPaymentModeOutSchema, role: 'supervisor' }),
  /** The cloud's prepaid balance of the meter (getPrepaidBalance). */
  'meters.prepaidBalance': channel({ input: byMeter, output: PrepaidBalanceOutSchema, role: 'supervisor' }),
  /** commandId is client-generated: sending the same request twice queues one command. */
  'meters.command': channel({
    input: z.object({ meterNumber, commandId: z.string().uuid().optional(), command: MeterCommandInput }).strict(),
    output: MeterCommandSchema,
    role: 'supervisor',
  }),
  'meters.commandStatus': channel({ input: z.object({ commandId: z.string().uuid() }).strict(), output: MeterCommandSchema, role: 'supervisor' }),
  'meters.commands': channel({
    input: z.object({ meterNumber, limit: z.number().int().min(1).max(200).default(20) }).strict(),
    output: z.array(MeterCommandSchema),
    role: 'supervisor',
  }),
  /** STS meters only: an engineering token for a technician, made by the vendor, audited. */
  'meters.maintenanceCode': channel({
    input: z
      .object({
        meterNumber,
        requestId: z.string().uuid().optional(),
        purpose: z.enum(['maintenance', 'repair', 'check']),
        action: z.enum(['clear_tamper', 'clear_credit', 'set_power_limit']),
        powerLimitW: z.number().int().min(100).max(65_535).optional(),
        validMinutes: z.number().int().min(5).max(10_080).default(60),
      })
      .strict()
      .refine((i) => (i.action === 'set_power_limit') === (i.powerLimitW !== undefined), { message: 'powerLimitW is required for set_power_limit, and only for it', path: ['powerLimitW'] }),
    output: MaintenanceCodeOutSchema,
    role: 'supervisor',
  }),
  /** Prints an engineering token just issued (its digits are not stored: the screen sends them with the meter and TID, checked against the audit). */
  'meters.printMaintenanceCode': channel({
    input: z.object({ meterNumber, tid: z.number().int().nonnegative(), code: z.string().trim().regex(/^[\d\s-]{20,29}$/) }).strict(),
    output: PrintOutcomeSchema,
    role: 'supervisor',
  }),
} as const;

/** Every meters.* channel. */
export const meterChannels = {
  /** Find meters by number, customer name or phone (the sell screen). */
  'meters.lookup': channel({
    input: z.object({ query: z.string().trim().min(1).max(64) }).strict(),
    output: z.array(MeterSummarySchema),
    role: 'cashier',
  }),
  ...meterRecordChannels,
  ...meterAccountChannels,
  ...meterManagementChannels,
} as const;
