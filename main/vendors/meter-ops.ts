// The meter-management operations both clouds answer the same way (status, readings, relay
// commands, command status, tariff schedule). Each vendor client spreads these into itself.
// The balance-bearing ones (balance, payment mode, credit) share their requests here too
// (paymentModeOps), but their bodies differ per vendor (money or energy): the schemas and the
// credit limit's body stay in that vendor's own files.
import type { z } from 'zod';
import type { VendorHttp } from './http';
import { type VendorOutcome, mapOutcome } from './outcome';
import {
  CommandInfoSchema,
  MeterReadingSchema,
  MeterReadingsSchema,
  MeterStatusSchema,
  ScheduleSchema,
  type CommandInfo,
  type CommandRequest,
  type MeterReading,
  type MeterStatus,
  type Schedule,
  type SchedulePeriod,
} from './meter-wire';

const seg = encodeURIComponent;
type Keyed = { meterNumber: string; idempotencyKey: string };

export type MeterStatusInfo = Omit<MeterStatus, 'meterNumber'>;
export type MeterReadingInfo = Omit<MeterReading, 'meterNumber'>;
export type ScheduleInfo = Omit<Schedule, 'meterNumber'>;

export interface RelayCommandOps {
  /** Opens the relay and locks it until reconnectMeter (non-payment, tamper, safety...). */
  disconnectMeter(i: Keyed & { reason: string }): Promise<VendorOutcome<CommandInfo>>;
  reconnectMeter(i: Keyed): Promise<VendorOutcome<CommandInfo>>;
  turnOnMeter(i: Keyed): Promise<VendorOutcome<CommandInfo>>;
  turnOffMeter(i: Keyed): Promise<VendorOutcome<CommandInfo>>;
  /** Commands are asynchronous: the answer is the command, usually still pending. */
  checkCommandStatus(i: { commandId: string }): Promise<VendorOutcome<CommandInfo>>;
}

export interface SharedMeterOps extends RelayCommandOps {
  getMeterStatus(i: { meterNumber: string }): Promise<VendorOutcome<MeterStatusInfo>>;
  getMeterReading(i: { meterNumber: string }): Promise<VendorOutcome<MeterReadingInfo>>;
  /** Interval readings (cumulative register) between two instants, oldest first. */
  getMeterReadings(i: { meterNumber: string; from: string; to: string; limit?: number }): Promise<VendorOutcome<{ at: string; importTenths: number }[]>>;
  setMultiTariffSchedule(i: Keyed & { periods: SchedulePeriod[] }): Promise<VendorOutcome<ScheduleInfo>>;
  getMultiTariffSchedule(i: { meterNumber: string }): Promise<VendorOutcome<ScheduleInfo>>;
}

/** `/api/v1/meters/{meterNumber}/{rest}`, the meter number encoded as one path segment. */
export const meterPath = (meterNumber: string, rest: string) => `/api/v1/meters/${seg(meterNumber)}/${rest}`;

/** A meter body without its meterNumber (the caller already knows which meter it asked about). */
export const withoutMeterNumber = <T extends { meterNumber: string }>({ meterNumber: _n, ...rest }: T): Omit<T, 'meterNumber'> => rest;

/** GET one of a meter's resources; the answer without its meterNumber. */
export async function getMeterResource<T extends { meterNumber: string }>(http: VendorHttp, meterNumber: string, rest: string, schema: z.ZodType<T>): Promise<VendorOutcome<Omit<T, 'meterNumber'>>> {
  return mapOutcome(await http.send({ method: 'GET', path: meterPath(meterNumber, rest), schema }), withoutMeterNumber);
}

/** POST to one of a meter's resources under an Idempotency-Key; the answer without its meterNumber. */
export async function postMeterResource<T extends { meterNumber: string }>(
  http: VendorHttp,
  meterNumber: string,
  rest: string,
  idempotencyKey: string,
  body: object,
  schema: z.ZodType<T>,
): Promise<VendorOutcome<Omit<T, 'meterNumber'>>> {
  return mapOutcome(await http.send({ method: 'POST', path: meterPath(meterNumber, rest), body, idempotencyKey, schema }), withoutMeterNumber);
}

/** Sends one relay/amperage command; the Idempotency-Key makes a retried command one command. */
export function sendCommand(http: VendorHttp, meterNumber: string, idempotencyKey: string, body: CommandRequest): Promise<VendorOutcome<CommandInfo>> {
  return http.send({ method: 'POST', path: meterPath(meterNumber, 'commands'), body, idempotencyKey, schema: CommandInfoSchema });
}

export function sharedMeterOps(http: VendorHttp): SharedMeterOps {
  return {
    getMeterStatus: ({ meterNumber }) => getMeterResource(http, meterNumber, 'status', MeterStatusSchema),
    getMeterReading: ({ meterNumber }) => getMeterResource(http, meterNumber, 'reading', MeterReadingSchema),
    async getMeterReadings({ meterNumber, from, to, limit }) {
      const q = new URLSearchParams({ from, to, ...(limit === undefined ? {} : { limit: String(limit) }) });
      const o = await http.send({ method: 'GET', path: `${meterPath(meterNumber, 'readings')}?${q.toString()}`, schema: MeterReadingsSchema });
      return mapOutcome(o, (v) => v.readings);
    },
    disconnectMeter: ({ meterNumber, idempotencyKey, reason }) => sendCommand(http, meterNumber, idempotencyKey, { command: 'disconnect', reason }),
    reconnectMeter: ({ meterNumber, idempotencyKey }) => sendCommand(http, meterNumber, idempotencyKey, { command: 'reconnect' }),
    turnOnMeter: ({ meterNumber, idempotencyKey }) => sendCommand(http, meterNumber, idempotencyKey, { command: 'turn_on' }),
    turnOffMeter: ({ meterNumber, idempotencyKey }) => sendCommand(http, meterNumber, idempotencyKey, { command: 'turn_off' }),
    checkCommandStatus: ({ commandId }) => http.send({ method: 'GET', path: `/api/v1/commands/${seg(commandId)}`, schema: CommandInfoSchema }),
    setMultiTariffSchedule: ({ meterNumber, idempotencyKey, periods }) => postMeterResource(http, meterNumber, 'tariff-schedule', idempotencyKey, { periods }, ScheduleSchema),
    getMultiTariffSchedule: ({ meterNumber }) => getMeterResource(http, meterNumber, 'tariff-schedule', ScheduleSchema),
  };
}

/** The balance and payment-mode requests, the same paths on both clouds; the bodies are the vendor's. */
export function paymentModeOps<B extends { meterNumber: string }, P extends { meterNumber: string }, C extends { meterNumber: string }>(
  http: VendorHttp,
  schemas: { balance: z.ZodType<B>; paymentMode: z.ZodType<P>; credit: z.ZodType<C> },
) {
  return {
    getMeterBalance: ({ meterNumber }: { meterNumber: string }) => getMeterResource(http, meterNumber, 'balance', schemas.balance),
    setPrepaidMode: ({ meterNumber, idempotencyKey }: Keyed) => postMeterResource(http, meterNumber, 'payment-mode/prepaid', idempotencyKey, {}, schemas.paymentMode),
    setPostpaidMode: ({ meterNumber, idempotencyKey }: Keyed) => postMeterResource(http, meterNumber, 'payment-mode/postpaid', idempotencyKey, {}, schemas.paymentMode),
    getPaymentMode: ({ meterNumber }: { meterNumber: string }) => getMeterResource(http, meterNumber, 'payment-mode', schemas.paymentMode),
    getCreditInfo: ({ meterNumber }: { meterNumber: string }) => getMeterResource(http, meterNumber, 'credit', schemas.credit),
  };
}
