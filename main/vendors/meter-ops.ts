// The meter-management operations both clouds answer the same way (status, readings, relay
// commands, command status, tariff schedule). Each vendor client spreads these into itself;
// the balance-bearing ones differ per vendor and stay in that vendor's own file.
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

/** Sends one relay/amperage command; the Idempotency-Key makes a retried command one command. */
export function sendCommand(http: VendorHttp, meterNumber: string, idempotencyKey: string, body: CommandRequest): Promise<VendorOutcome<CommandInfo>> {
  return http.send({ method: 'POST', path: `/api/v1/meters/${seg(meterNumber)}/commands`, body, idempotencyKey, schema: CommandInfoSchema });
}

export function sharedMeterOps(http: VendorHttp): SharedMeterOps {
  const meterPath = (n: string, rest: string) => `/api/v1/meters/${seg(n)}/${rest}`;
  return {
    async getMeterStatus({ meterNumber }) {
      const o = await http.send({ method: 'GET', path: meterPath(meterNumber, 'status'), schema: MeterStatusSchema });
      return mapOutcome(o, ({ meterNumber: _n, ...rest }) => rest);
    },
    async getMeterReading({ meterNumber }) {
      const o = await http.send({ method: 'GET', path: meterPath(meterNumber, 'reading'), schema: MeterReadingSchema });
      return mapOutcome(o, ({ meterNumber: _n, ...rest }) => rest);
    },
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
    async setMultiTariffSchedule({ meterNumber, idempotencyKey, periods }) {
      const o = await http.send({ method: 'POST', path: meterPath(meterNumber, 'tariff-schedule'), body: { periods }, idempotencyKey, schema: ScheduleSchema });
      return mapOutcome(o, ({ meterNumber: _n, ...rest }) => rest);
    },
    async getMultiTariffSchedule({ meterNumber }) {
      const o = await http.send({ method: 'GET', path: meterPath(meterNumber, 'tariff-schedule'), schema: ScheduleSchema });
      return mapOutcome(o, ({ meterNumber: _n, ...rest }) => rest);
    },
  };
}
