// Every meter-management operation of both clients, as one table: a call that should succeed
// against the demo data and one the cloud should refuse. The contract tests run each row happy,
// refused, with the cloud unreachable (unknown) and with a malformed answer (unknown).
import type { AcrelClient } from '../../../main/vendors/acrel/client';
import type { VendorOutcome } from '../../../main/vendors/outcome';
import type { StsVendorClient } from '../../../main/vendors/sts/client';
import { DEMO_ACREL_METERS, DEMO_STS_METERS, DEMO_UNKNOWN_ACREL_METER, DEMO_UNKNOWN_STS_METER } from '../../sim/demo-data';
import { newKey } from './clients';

export const STS_RF = DEMO_STS_METERS[1]!.number;
export const STS_TOKENS_ONLY = DEMO_STS_METERS.find((m) => m.connection === 'none')!.number;
export const ACREL = DEMO_ACREL_METERS[0]!.number;

type Op<C> = { name: string; ok: (c: C) => Promise<VendorOutcome<unknown>>; refused: (c: C) => Promise<VendorOutcome<unknown>>; code: string };

const day = ['2026-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z'] as const;
const periods = [
  { startMinute: 0, endMinute: 720, pricePerKwh: '100' },
  { startMinute: 720, endMinute: 1440, pricePerKwh: '150.5' },
];

export const STS_OPS: Op<StsVendorClient>[] = [
  { name: 'getMeterStatus', ok: (c) => c.getMeterStatus({ meterNumber: STS_RF }), refused: (c) => c.getMeterStatus({ meterNumber: DEMO_UNKNOWN_STS_METER }), code: 'METER_NOT_FOUND' },
  { name: 'getMeterReading', ok: (c) => c.getMeterReading({ meterNumber: STS_RF }), refused: (c) => c.getMeterReading({ meterNumber: STS_TOKENS_ONLY }), code: 'METER_NOT_CONNECTED' },
  { name: 'getMeterReadings', ok: (c) => c.getMeterReadings({ meterNumber: STS_RF, from: day[0], to: day[1] }), refused: (c) => c.getMeterReadings({ meterNumber: STS_RF, from: day[1], to: day[0] }), code: 'BAD_REQUEST' },
  { name: 'getMeterBalance', ok: (c) => c.getMeterBalance({ meterNumber: STS_RF }), refused: (c) => c.getMeterBalance({ meterNumber: '04000001019' }), code: 'BAD_METER_NUMBER' },
  {
    name: 'generateMaintenanceCode',
    ok: (c) => c.generateMaintenanceCode({ meterNumber: STS_TOKENS_ONLY, idempotencyKey: newKey(), purpose: 'repair', action: 'clear_tamper', validMinutes: 60 }),
    refused: (c) => c.generateMaintenanceCode({ meterNumber: STS_RF, idempotencyKey: newKey(), purpose: 'repair', action: 'set_power_limit', validMinutes: 60 }),
    code: 'BAD_REQUEST',
  },
  { name: 'disconnectMeter', ok: (c) => c.disconnectMeter({ meterNumber: STS_RF, idempotencyKey: newKey(), reason: 'test' }), refused: (c) => c.disconnectMeter({ meterNumber: STS_TOKENS_ONLY, idempotencyKey: newKey(), reason: 'test' }), code: 'METER_NOT_CONNECTED' },
  { name: 'reconnectMeter', ok: (c) => c.reconnectMeter({ meterNumber: STS_RF, idempotencyKey: newKey() }), refused: (c) => c.reconnectMeter({ meterNumber: DEMO_UNKNOWN_STS_METER, idempotencyKey: newKey() }), code: 'METER_NOT_FOUND' },
  { name: 'reduceAmperage', ok: (c) => c.reduceAmperage({ meterNumber: STS_RF, idempotencyKey: newKey(), limitA: 20 }), refused: (c) => c.reduceAmperage({ meterNumber: STS_RF, idempotencyKey: newKey(), limitA: 99 }), code: 'AMPERAGE_NOT_LOWER' },
  { name: 'increaseAmperage', ok: (c) => c.increaseAmperage({ meterNumber: STS_RF, idempotencyKey: newKey(), limitA: 60 }), refused: (c) => c.increaseAmperage({ meterNumber: STS_RF, idempotencyKey: newKey(), limitA: 1 }), code: 'AMPERAGE_NOT_HIGHER' },
  { name: 'turnOnMeter', ok: (c) => c.turnOnMeter({ meterNumber: STS_RF, idempotencyKey: newKey() }), refused: (c) => c.turnOnMeter({ meterNumber: STS_TOKENS_ONLY, idempotencyKey: newKey() }), code: 'METER_NOT_CONNECTED' },
  { name: 'turnOffMeter', ok: (c) => c.turnOffMeter({ meterNumber: STS_RF, idempotencyKey: newKey() }), refused: (c) => c.turnOffMeter({ meterNumber: STS_TOKENS_ONLY, idempotencyKey: newKey() }), code: 'METER_NOT_CONNECTED' },
  {
    name: 'checkCommandStatus',
    ok: async (c) => {
      const a = await c.turnOffMeter({ meterNumber: STS_RF, idempotencyKey: newKey() });
      return a.kind === 'ok' ? c.checkCommandStatus({ commandId: a.value.commandId }) : a;
    },
    refused: (c) => c.checkCommandStatus({ commandId: 'CMD-nope' }),
    code: 'COMMAND_NOT_FOUND',
  },
  { name: 'setPostpaidMode', ok: (c) => c.setPostpaidMode({ meterNumber: STS_RF, idempotencyKey: newKey() }), refused: (c) => c.setPostpaidMode({ meterNumber: STS_TOKENS_ONLY, idempotencyKey: newKey() }), code: 'METER_NOT_CONNECTED' },
  { name: 'setPrepaidMode', ok: (c) => c.setPrepaidMode({ meterNumber: STS_RF, idempotencyKey: newKey() }), refused: (c) => c.setPrepaidMode({ meterNumber: DEMO_UNKNOWN_STS_METER, idempotencyKey: newKey() }), code: 'METER_NOT_FOUND' },
  { name: 'setCreditLimit', ok: (c) => c.setCreditLimit({ meterNumber: STS_RF, idempotencyKey: newKey(), creditLimitTenths: 0 }), refused: (c) => c.setCreditLimit({ meterNumber: STS_RF, idempotencyKey: newKey(), creditLimitTenths: -5 }), code: 'BAD_REQUEST' },
  { name: 'getCreditInfo', ok: (c) => c.getCreditInfo({ meterNumber: STS_RF }), refused: (c) => c.getCreditInfo({ meterNumber: STS_TOKENS_ONLY }), code: 'METER_NOT_CONNECTED' },
  { name: 'getPaymentMode', ok: (c) => c.getPaymentMode({ meterNumber: STS_RF }), refused: (c) => c.getPaymentMode({ meterNumber: DEMO_UNKNOWN_STS_METER }), code: 'METER_NOT_FOUND' },
  {
    name: 'setMultiTariffSchedule',
    ok: (c) => c.setMultiTariffSchedule({ meterNumber: STS_RF, idempotencyKey: newKey(), periods }),
    refused: (c) => c.setMultiTariffSchedule({ meterNumber: STS_RF, idempotencyKey: newKey(), periods: [{ startMinute: 0, endMinute: 600, pricePerKwh: '1' }] }),
    code: 'BAD_SCHEDULE',
  },
  { name: 'getMultiTariffSchedule', ok: (c) => c.getMultiTariffSchedule({ meterNumber: STS_RF }), refused: (c) => c.getMultiTariffSchedule({ meterNumber: STS_TOKENS_ONLY }), code: 'METER_NOT_CONNECTED' },
];

export const ACREL_OPS: Op<AcrelClient>[] = [
  { name: 'getMeterStatus', ok: (c) => c.getMeterStatus({ meterNumber: ACREL }), refused: (c) => c.getMeterStatus({ meterNumber: DEMO_UNKNOWN_ACREL_METER }), code: 'METER_NOT_FOUND' },
  { name: 'getMeterReading', ok: (c) => c.getMeterReading({ meterNumber: ACREL }), refused: (c) => c.getMeterReading({ meterNumber: '123' }), code: 'BAD_METER_NUMBER' },
  { name: 'getMeterReadings', ok: (c) => c.getMeterReadings({ meterNumber: ACREL, from: day[0], to: day[1], limit: 10 }), refused: (c) => c.getMeterReadings({ meterNumber: ACREL, from: 'x', to: day[1] }), code: 'BAD_REQUEST' },
  { name: 'getMeterBalance', ok: (c) => c.getMeterBalance({ meterNumber: ACREL }), refused: (c) => c.getMeterBalance({ meterNumber: DEMO_UNKNOWN_ACREL_METER }), code: 'METER_NOT_FOUND' },
  { name: 'disconnectMeter', ok: (c) => c.disconnectMeter({ meterNumber: ACREL, idempotencyKey: newKey(), reason: 'test' }), refused: (c) => c.disconnectMeter({ meterNumber: ACREL, idempotencyKey: newKey(), reason: '   ' }), code: 'BAD_REQUEST' },
  { name: 'reconnectMeter', ok: (c) => c.reconnectMeter({ meterNumber: ACREL, idempotencyKey: newKey() }), refused: (c) => c.reconnectMeter({ meterNumber: DEMO_UNKNOWN_ACREL_METER, idempotencyKey: newKey() }), code: 'METER_NOT_FOUND' },
  { name: 'turnOnMeter', ok: (c) => c.turnOnMeter({ meterNumber: ACREL, idempotencyKey: newKey() }), refused: (c) => c.turnOnMeter({ meterNumber: '1', idempotencyKey: newKey() }), code: 'BAD_METER_NUMBER' },
  { name: 'turnOffMeter', ok: (c) => c.turnOffMeter({ meterNumber: ACREL, idempotencyKey: newKey() }), refused: (c) => c.turnOffMeter({ meterNumber: DEMO_UNKNOWN_ACREL_METER, idempotencyKey: newKey() }), code: 'METER_NOT_FOUND' },
  {
    name: 'checkCommandStatus',
    ok: async (c) => {
      const a = await c.turnOnMeter({ meterNumber: ACREL, idempotencyKey: newKey() });
      return a.kind === 'ok' ? c.checkCommandStatus({ commandId: a.value.commandId }) : a;
    },
    refused: (c) => c.checkCommandStatus({ commandId: 'CMD-nope' }),
    code: 'COMMAND_NOT_FOUND',
  },
  { name: 'setPostpaidMode', ok: (c) => c.setPostpaidMode({ meterNumber: DEMO_ACREL_METERS[2]!.number, idempotencyKey: newKey() }), refused: (c) => c.setPostpaidMode({ meterNumber: DEMO_UNKNOWN_ACREL_METER, idempotencyKey: newKey() }), code: 'METER_NOT_FOUND' },
  { name: 'setPrepaidMode', ok: (c) => c.setPrepaidMode({ meterNumber: ACREL, idempotencyKey: newKey() }), refused: (c) => c.setPrepaidMode({ meterNumber: '1', idempotencyKey: newKey() }), code: 'BAD_METER_NUMBER' },
  { name: 'setCreditLimit', ok: (c) => c.setCreditLimit({ meterNumber: ACREL, idempotencyKey: newKey(), creditLimitMinor: 0 }), refused: (c) => c.setCreditLimit({ meterNumber: ACREL, idempotencyKey: newKey(), creditLimitMinor: 1.5 }), code: 'BAD_REQUEST' },
  { name: 'getCreditInfo', ok: (c) => c.getCreditInfo({ meterNumber: ACREL }), refused: (c) => c.getCreditInfo({ meterNumber: DEMO_UNKNOWN_ACREL_METER }), code: 'METER_NOT_FOUND' },
  { name: 'getPaymentMode', ok: (c) => c.getPaymentMode({ meterNumber: ACREL }), refused: (c) => c.getPaymentMode({ meterNumber: '1' }), code: 'BAD_METER_NUMBER' },
  {
    name: 'setMultiTariffSchedule',
    ok: (c) => c.setMultiTariffSchedule({ meterNumber: DEMO_ACREL_METERS[1]!.number, idempotencyKey: newKey(), periods }),
    refused: (c) => c.setMultiTariffSchedule({ meterNumber: ACREL, idempotencyKey: newKey(), periods: [{ startMinute: 0, endMinute: 1440, pricePerKwh: '1.23456' }] }),
    code: 'BAD_REQUEST',
  },
  { name: 'getMultiTariffSchedule', ok: (c) => c.getMultiTariffSchedule({ meterNumber: ACREL }), refused: (c) => c.getMultiTariffSchedule({ meterNumber: DEMO_UNKNOWN_ACREL_METER }), code: 'METER_NOT_FOUND' },
];
