// A stand-in for the Acrel cloud's meter commands: records every call, holds each meter's
// schedule, and can be told that a meter is unreachable. Used where the real client or simulator
// does not (yet) offer the operation, and to see exactly what was sent in which order.
import type { MeterCommandPort, WirePeriod } from '../../../main/sales/meter-commands';
import type { VendorOutcome } from '../../../main/vendors/outcome';

export interface FakePort extends MeterCommandPort {
  calls: { op: string; meterNumber: string; key?: string; periods?: WirePeriod[]; creditLimitMinor?: number }[];
  schedules: Map<string, WirePeriod[]>;
  unreachable: Set<string>;
}

export function fakeMeterPort(): FakePort {
  const calls: FakePort['calls'] = [];
  const schedules = new Map<string, WirePeriod[]>();
  const unreachable = new Set<string>();
  const act = (op: string) => async (i: { meterNumber: string; idempotencyKey: string; periods?: WirePeriod[]; creditLimitMinor?: number }): Promise<VendorOutcome<unknown>> => {
    if (unreachable.has(i.meterNumber)) return { kind: 'unknown', reason: 'unreachable: ECONNREFUSED' };
    calls.push({ op, meterNumber: i.meterNumber, key: i.idempotencyKey, periods: i.periods, creditLimitMinor: i.creditLimitMinor });
    if (i.periods) schedules.set(i.meterNumber, i.periods);
    return { kind: 'ok', value: {} };
  };
  return {
    calls, schedules, unreachable,
    disconnectMeter: act('disconnectMeter'),
    reconnectMeter: act('reconnectMeter'),
    setPrepaidMode: act('setPrepaidMode'),
    setPostpaidMode: act('setPostpaidMode'),
    setCreditLimit: act('setCreditLimit'),
    setMultiTariffSchedule: act('setMultiTariffSchedule'),
    async getMultiTariffSchedule({ meterNumber }) {
      if (unreachable.has(meterNumber)) return { kind: 'unknown', reason: 'unreachable: ECONNREFUSED' };
      return { kind: 'ok', value: { periods: schedules.get(meterNumber) ?? [] } };
    },
  };
}
