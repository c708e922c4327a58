// Bodies of the meter-management endpoints both clouds share (PROTOCOL.md, "Meter management"):
// status behind the DCU, readings, asynchronous relay commands and time-of-use schedules. The
// balance-bearing bodies differ per vendor (kWh tenths for STS, money for Acrel) and live in
// sts/wire-meter.ts and acrel/wire-meter.ts. Shared by the clients (validate every answer) and
// the simulators (validate every request).
import { z } from 'zod';
import { Bilingual } from '../../preload/contract';

const MeterNumber = z.string().min(1).max(32);
const IsoTime = z.string().datetime({ offset: true });

export const ConnectionType = z.enum(['rf', 'wired', 'unknown']);
export type ConnectionType = z.infer<typeof ConnectionType>;
/** What the meter's supply relay is doing: closed, opened remotely, or locked out by a disconnect. */
export const RelayState = z.enum(['on', 'off', 'disconnected', 'tripped']);
export type RelayState = z.infer<typeof RelayState>;

export const MeterStatusSchema = z.object({
  meterNumber: MeterNumber,
  isConnected: z.boolean(),
  connectionType: ConnectionType,
  dcuId: z.string().min(1).max(64).nullable(),
  /** RF link quality 0..100 (%); null for wired meters and when unknown. */
  signalStrength: z.number().int().min(0).max(100).nullable(),
  lastConnectionTime: IsoTime.nullable(),
  relay: RelayState,
  /** The meter's current amperage (load) limit, whole amperes. */
  amperageLimitA: z.number().int().min(1).max(1000),
});
export type MeterStatus = z.infer<typeof MeterStatusSchema>;

export const MeterReadingSchema = z.object({
  meterNumber: MeterNumber,
  readAt: IsoTime,
  /** Cumulative import register, 0.1 kWh. */
  importTenths: z.number().int().nonnegative(),
  powerW: z.number().int().nonnegative(),
  /** Supply voltage in 0.1 V. */
  voltageDeciV: z.number().int().nonnegative(),
});
export type MeterReading = z.infer<typeof MeterReadingSchema>;

export const IntervalReadingSchema = z.object({ at: IsoTime, importTenths: z.number().int().nonnegative() });
export const MeterReadingsSchema = z.object({ meterNumber: MeterNumber, readings: z.array(IntervalReadingSchema).max(2000) });
export type MeterReadings = z.infer<typeof MeterReadingsSchema>;

export const COMMANDS = ['disconnect', 'reconnect', 'reduce_amperage', 'increase_amperage', 'turn_on', 'turn_off'] as const;
export const CommandKind = z.enum(COMMANDS);
export type CommandKind = z.infer<typeof CommandKind>;

export const CommandRequestSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('disconnect'), reason: z.string().trim().min(1).max(200) }).strict(),
  z.object({ command: z.enum(['reconnect', 'turn_on', 'turn_off']) }).strict(),
  z.object({ command: z.enum(['reduce_amperage', 'increase_amperage']), limitA: z.number().int().min(1).max(1000) }).strict(),
]);
export type CommandRequest = z.infer<typeof CommandRequestSchema>;

export const CommandStatus = z.enum(['pending', 'done', 'failed']);
export type CommandStatus = z.infer<typeof CommandStatus>;

export const CommandInfoSchema = z.object({
  commandId: z.string().min(1).max(64),
  meterNumber: MeterNumber,
  command: CommandKind,
  status: CommandStatus,
  createdAt: IsoTime,
  completedAt: IsoTime.nullable(),
  /** Why a failed command failed, in words a supervisor can act on. */
  error: z.object({ code: z.string().min(1).max(64), message: Bilingual }).nullable(),
});
export type CommandInfo = z.infer<typeof CommandInfoSchema>;

/** Exact decimal, minor units per kWh, up to 4 decimals (never a float). */
export const PriceText = z.string().regex(/^\d{1,9}(\.\d{1,4})?$/);
export const SchedulePeriodSchema = z
  .object({
    name: Bilingual.optional(),
    startMinute: z.number().int().min(0).max(1439),
    /** 1..1440; an end before the start crosses midnight. */
    endMinute: z.number().int().min(1).max(1440),
    pricePerKwh: PriceText,
  })
  .strict();
export type SchedulePeriod = z.infer<typeof SchedulePeriodSchema>;
export const ScheduleRequestSchema = z.object({ periods: z.array(SchedulePeriodSchema).min(1).max(8) }).strict();
export const ScheduleSchema = z.object({
  meterNumber: MeterNumber,
  periods: z.array(SchedulePeriodSchema).max(8),
  /** Null when the meter has never been given a schedule (it uses a single flat rate). */
  updatedAt: IsoTime.nullable(),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const PaymentModeWire = z.enum(['prepaid', 'postpaid', 'credit']);
export type PaymentModeWire = z.infer<typeof PaymentModeWire>;
export const EmptyBodySchema = z.object({}).strict();
