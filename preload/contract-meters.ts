// The contract's meter-management channels (the supervisor's meter page), kept beside contract.ts
// like contract-tariffs.ts. Reads ask the vendor's cloud directly; commands that change a meter are
// recorded and travel through the outbox, so their status is pending -> sent -> done | failed.
// Money integer minor units, energy integer 0.1 kWh, times ISO-8601 UTC.
import { z } from 'zod';

const Bilingual = z.object({ ar: z.string(), en: z.string() });
const isoTime = z.string().datetime({ offset: true });
const meterNumber = z.string().trim().min(1).max(32);
const byMeter = z.object({ meterNumber }).strict();
const MeterKind = z.enum(['sts', 'acrel']);

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

type Role = 'public' | 'cashier' | 'supervisor' | 'admin';
const channel = <I extends z.ZodType, O extends z.ZodType>(def: { input: I; output: O; role: Role }) => def;

export const meterChannels = {
  'meters.status': channel({ input: byMeter, output: MeterLiveStatusSchema, role: 'supervisor' }),
  'meters.reading': channel({ input: byMeter, output: MeterReadingOutSchema, role: 'supervisor' }),
  /** Interval readings; default: the last 24 hours. */
  'meters.readings': channel({
    input: z.object({ meterNumber, from: isoTime.optional(), to: isoTime.optional(), limit: z.number().int().min(1).max(2000).default(96) }).strict(),
    output: MeterReadingsOutSchema,
    role: 'supervisor',
  }),
  'meters.balance': channel({ input: byMeter, output: MeterBalanceOutSchema, role: 'supervisor' }),
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
    output: z.object({ printed: z.boolean(), copy: z.boolean(), error: Bilingual.nullable() }),
    role: 'supervisor',
  }),
} as const;
