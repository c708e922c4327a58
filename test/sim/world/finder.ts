// How a cloud finds the meter a request names: its own number format first, then its register,
// then (for anything that must reach the meter) whether the cloud has a way to it at all.
import type { SimReply } from '../kit/replies';
import { fail } from '../kit/replies';
import type { SimMeterState } from './meter-state';

export type Found = { ok: true; meter: SimMeterState } | { ok: false; reply: SimReply };

export interface MeterFinder {
  /** Any meter of this cloud, reachable or not. */
  find(n: string): Found;
  /** A meter the cloud can talk to (on a DCU); a tokens-only meter is refused. */
  remote(n: string): Found;
}

export function meterFinder(meters: Map<string, SimMeterState>, validNumber: (n: string) => SimReply | null): MeterFinder {
  const find = (n: string): Found => {
    const bad = validNumber(n);
    if (bad) return { ok: false, reply: bad };
    const meter = meters.get(n);
    if (!meter) return { ok: false, reply: fail(404, 'METER_NOT_FOUND', `Meter ${n} is not registered with this vendor`, `العداد ${n} غير مسجل لدى المورد`) };
    return { ok: true, meter };
  };
  return {
    find,
    remote(n) {
      const f = find(n);
      if (f.ok && f.meter.connection === 'none') {
        return { ok: false, reply: fail(409, 'METER_NOT_CONNECTED', `Meter ${n} is not connected to a DCU; sell a token instead`, `العداد ${n} غير متصل بوحدة التجميع؛ بِع رمز شحن بدلًا من ذلك`) };
      }
      return f;
    },
  };
}
