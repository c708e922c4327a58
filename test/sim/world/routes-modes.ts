// Routes both clouds answer about how a meter is paid for: payment mode, credit limit and the
// time-of-use schedule it deducts by. Amounts are in the cloud's own unit: 0.1 kWh for STS
// ("…Tenths"), minor units for the ADL200 ("…Minor").
import { z } from 'zod';
import { EmptyBodySchema, ScheduleRequestSchema } from '../../../main/vendors/meter-wire';
import { scheduleProblems } from '../../../main/tariffs/pricing/schedule';
import type { Route, SimRequest } from '../kit/http-sim';
import { fail, okReply, parseBody, type SimReply } from '../kit/replies';
import type { MeterFinder } from './finder';
import { restoreIfPaid, type Mode, type SimMeterState } from './meter-state';
import type { MeterWorld } from './world';

const M = '(?<meter>[^/]+)';

export function modeRoutes(world: MeterWorld, finder: MeterFinder, unit: 'Tenths' | 'Minor'): Route[] {
  const withMeter = (f: (m: SimMeterState, r: SimRequest) => SimReply): Route['handle'] => (r) => {
    world.settle();
    const found = finder.remote(r.params.meter ?? '');
    return found.ok ? f(found.meter, r) : found.reply;
  };
  const modeInfo = (m: SimMeterState) => ({ meterNumber: m.number, mode: m.mode, [`creditLimit${unit}`]: m.creditLimit });
  const setMode = (m: SimMeterState, mode: Mode, limit: number) => {
    m.mode = mode;
    m.creditLimit = limit;
    restoreIfPaid(m);
    return okReply(modeInfo(m));
  };
  const limitBody = z.object({ [`creditLimit${unit}`]: z.number().int().min(0).max(unit === 'Tenths' ? 18_201_624 : 1_000_000_000_000) }).strict();
  const schedule = (m: SimMeterState) => ({ meterNumber: m.number, periods: m.schedule, updatedAt: m.scheduleUpdatedAt });

  return [
    { method: 'GET', pattern: new RegExp(`^/api/v1/meters/${M}/payment-mode$`), handle: withMeter((m) => okReply(modeInfo(m))) },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/v1/meters/${M}/payment-mode/(?<mode>prepaid|postpaid)$`),
      keyed: true,
      handle: withMeter((m, r) => {
        const p = parseBody(EmptyBodySchema, r.body);
        if (!p.ok) return p.reply;
        return setMode(m, r.params.mode === 'postpaid' ? 'postpaid' : 'prepaid', 0);
      }),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/v1/meters/${M}/credit-limit$`),
      keyed: true,
      handle: withMeter((m, r) => {
        const p = parseBody(limitBody, r.body);
        if (!p.ok) return p.reply;
        const limit = (p.value as Record<string, number>)[`creditLimit${unit}`] ?? 0;
        // A limit above zero is credit mode; zero is plain prepaid.
        return setMode(m, limit > 0 ? 'credit' : 'prepaid', limit);
      }),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/api/v1/meters/${M}/credit$`),
      handle: withMeter((m) => {
        const limit = m.mode === 'credit' ? m.creditLimit : 0;
        return okReply({
          ...modeInfo(m),
          [`balance${unit}`]: m.balance,
          [`available${unit}`]: m.mode === 'postpaid' ? m.balance : m.balance + limit,
          [`usedCredit${unit}`]: Math.max(0, -m.balance),
        });
      }),
    },
    { method: 'GET', pattern: new RegExp(`^/api/v1/meters/${M}/tariff-schedule$`), handle: withMeter((m) => okReply(schedule(m))) },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/v1/meters/${M}/tariff-schedule$`),
      keyed: true,
      handle: withMeter((m, r) => {
        const p = parseBody(ScheduleRequestSchema, r.body);
        if (!p.ok) return p.reply;
        const named = p.value.periods.map((x) => ({ ...x, name: x.name ?? { ar: '', en: '' }, active: true }));
        const problems = scheduleProblems(named);
        if (problems.length > 0) {
          return fail(422, 'BAD_SCHEDULE', `The schedule is not valid: ${problems.join('; ')}`, `جدول التعرفة غير صالح: ${problems.join('؛ ')}`);
        }
        m.schedule = p.value.periods;
        m.scheduleUpdatedAt = world.clock.now().toISOString();
        return okReply(schedule(m));
      }),
    },
  ];
}
