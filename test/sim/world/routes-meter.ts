// Routes both clouds answer about a meter's state and its relay (PROTOCOL.md, "Meter
// management"): status behind the DCU, reading, interval readings, balance, commands.
import { CommandRequestSchema, type MeterStatus } from '../../../main/vendors/meter-wire';
import type { Route, SimRequest } from '../kit/http-sim';
import { fail, okReply, parseBody, type SimReply } from '../kit/replies';
import { commandWire } from './commands';
import type { MeterFinder } from './finder';
import type { SimMeterState } from './meter-state';
import { PRICE_SCALE, priceAt } from './pricing';
import type { MeterWorld } from './world';

export interface MeterRouteOptions {
  world: MeterWorld;
  finder: MeterFinder;
  /** ADL200s have a relay but no remote amperage limit. */
  amperage: { max: number } | null;
}

const M = '(?<meter>[^/]+)';

export function meterRoutes(o: MeterRouteOptions): Route[] {
  const { world, finder } = o;
  // Every handler sees the world as it is now.
  const withMeter = (remote: boolean, f: (m: SimMeterState, r: SimRequest) => SimReply): Route['handle'] => (r) => {
    world.settle();
    const found = remote ? finder.remote(r.params.meter ?? '') : finder.find(r.params.meter ?? '');
    return found.ok ? f(found.meter, r) : found.reply;
  };
  const now = () => world.clock.now();

  return [
    {
      method: 'GET',
      pattern: new RegExp(`^/api/v1/meters/${M}/status$`),
      handle: withMeter(false, (m) => {
        const s: MeterStatus = {
          meterNumber: m.number,
          isConnected: world.online(m),
          connectionType: m.connection === 'none' ? 'unknown' : m.connection,
          dcuId: m.dcuId,
          signalStrength: m.connection === 'rf' ? m.link.signal : null,
          lastConnectionTime: m.link.lastContactAt === null ? null : new Date(m.link.lastContactAt).toISOString(),
          relay: m.relay,
          amperageLimitA: m.amperageLimitA,
        };
        return okReply(s);
      }),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/v1/meters/${M}/reading$`),
      handle: withMeter(true, (m) => {
        if (!world.online(m)) return offline(m.number);
        const volts = 2250 + Math.round(m.link.rng() * 100); // 225.0–235.0 V
        return okReply({ meterNumber: m.number, readAt: now().toISOString(), importTenths: m.importTenths, powerW: m.relay === 'on' ? m.loadW : 0, voltageDeciV: volts });
      }),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/v1/meters/${M}/readings$`),
      handle: withMeter(true, (m, r) => {
        const from = Date.parse(r.query.get('from') ?? '');
        const to = Date.parse(r.query.get('to') ?? '');
        const limit = Number(r.query.get('limit') ?? '500');
        if (Number.isNaN(from) || Number.isNaN(to) || from > to || !Number.isInteger(limit) || limit < 1 || limit > 2000) {
          return fail(422, 'BAD_REQUEST', 'from and to must be ISO times (from <= to), limit 1..2000', 'يجب أن يكون from و to وقتين بصيغة ISO (from <= to)، والحد من 1 إلى 2000');
        }
        const readings = m.readings.filter((x) => Date.parse(x.at) >= from && Date.parse(x.at) <= to).slice(-limit);
        return okReply({ meterNumber: m.number, readings });
      }),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/v1/meters/${M}/balance$`),
      handle: withMeter(true, (m) => {
        const price = priceAt(m.schedule, m.flatPrice, now(), m.utcOffsetMinutes);
        const readAt = now().toISOString();
        if (m.unit === 'energy') {
          const minor = price === null ? null : Math.floor((m.balance * price) / (PRICE_SCALE * 10));
          return okReply({ meterNumber: m.number, remainingTenths: m.balance, balanceMinor: minor, readAt });
        }
        const tenths = price === null || price === 0 ? null : Math.floor((m.balance * PRICE_SCALE * 10) / price);
        return okReply({ meterNumber: m.number, balanceMinor: m.balance, remainingTenths: tenths, readAt });
      }),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/v1/meters/${M}/commands$`),
      keyed: true,
      handle: withMeter(true, (m, r) => {
        const p = parseBody(CommandRequestSchema, r.body);
        if (!p.ok) return p.reply;
        const c = p.value;
        if (c.command === 'reduce_amperage' || c.command === 'increase_amperage') {
          if (!o.amperage) return fail(422, 'NOT_SUPPORTED', 'This meter has no remote amperage limit', 'هذا العداد لا يدعم تغيير حد التيار عن بعد');
          if (c.command === 'reduce_amperage' && c.limitA >= m.amperageLimitA) {
            return fail(409, 'AMPERAGE_NOT_LOWER', `The new limit must be below the current ${m.amperageLimitA} A`, `يجب أن يكون الحد الجديد أقل من الحد الحالي ${m.amperageLimitA} أمبير`);
          }
          if (c.command === 'increase_amperage' && (c.limitA <= m.amperageLimitA || c.limitA > o.amperage.max)) {
            return fail(409, 'AMPERAGE_NOT_HIGHER', `The new limit must be above ${m.amperageLimitA} A and at most ${o.amperage.max} A`, `يجب أن يكون الحد الجديد أعلى من ${m.amperageLimitA} أمبير وألا يتجاوز ${o.amperage.max} أمبير`);
          }
        }
        return okReply(commandWire(world.addCommand(m, c)), 202);
      }),
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/commands\/(?<id>[^/]+)$/,
      handle: (r) => {
        world.settle();
        const c = world.commands.get(r.params.id ?? '');
        return c ? okReply(commandWire(c)) : fail(404, 'COMMAND_NOT_FOUND', `No command ${r.params.id ?? ''}`, `لا يوجد أمر بالرقم ${r.params.id ?? ''}`);
      },
    },
  ];
}

function offline(n: string): SimReply {
  return fail(409, 'METER_OFFLINE', `Meter ${n} is not reachable through its DCU right now; try again later`, `العداد ${n} غير متاح عبر وحدة التجميع الآن؛ حاول لاحقًا`);
}
