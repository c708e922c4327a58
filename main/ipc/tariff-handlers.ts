// Handlers of the tariff and payment-mode channels (preload/contract-tariffs.ts).
import type { User } from '../../preload/contract';
import type { tariffChannels } from '../../preload/contract-tariffs';
import { allVersions, listGroups } from '../../db/repos/tariffs';
import { err } from '../common/errors';
import type { SalesDeps } from '../sales/ports';
import { adjustDebt, changeLimits, changePaymentMode } from '../meters/accounts';
import { creditInfoWithCloud } from '../meters/credit-cloud';
import { formatMinor } from '../common/money';
import type { MeterVendors } from '../meters/vendors';
import { priceNow, pushSchedule, readBack } from '../tariffs/schedule-push';
import { assign, createVersion, listSchedules, saveTariffGroup, scheduleOrThrow, toDto } from '../tariffs/schedules';
import type { Handlers } from './handlers';
import type { CallContext } from './dispatch';

type TariffHandlers = Pick<Handlers, keyof typeof tariffChannels>;

function userOf(ctx: CallContext): User {
  if (!ctx.session) throw err('UNAUTHENTICATED', 'Please log in again.', 'يرجى تسجيل الدخول مرة أخرى.');
  return ctx.session.user;
}

export function tariffHandlers(sales: SalesDeps, vendors: MeterVendors = { sts: null, acrel: null }): TariffHandlers {
  const tz = sales.config.timeZone;
  const nowIso = () => sales.now().toISOString();
  return {
    'tariffs.list': () => listSchedules(sales.db.read, nowIso()),
    'tariffs.get': ({ code, version }) => toDto(scheduleOrThrow(sales.db.read, code, version, nowIso())),
    'tariffs.versions': ({ code }) => {
      const all = allVersions(sales.db.read, code);
      if (!all.length) scheduleOrThrow(sales.db.read, code);
      return all.map(toDto);
    },
    'tariffs.createVersion': (input, ctx) => createVersion(sales, userOf(ctx), input),
    'tariffs.priceNow': ({ code, at }) => priceNow(sales.db.read, code, at ? new Date(at) : sales.now(), tz),
    'tariffs.groups': () => listGroups(sales.db.read).map(({ id: _id, ...g }) => g),
    'tariffs.saveGroup': (input, ctx) => saveTariffGroup(sales, userOf(ctx), input),
    'tariffs.assign': (input, ctx) => assign(sales, userOf(ctx), input),
    'tariffs.push': ({ code }, ctx) => {
      const r = pushSchedule(sales, userOf(ctx).id, code);
      sales.outbox.kick();
      return r;
    },
    'tariffs.readBack': ({ code }) => readBack(sales, vendors, code),
    'meters.creditInfo': ({ meterNumber }) =>
      creditInfoWithCloud(sales.db.read, vendors, sales.now, meterNumber, (m) => `${formatMinor(m, sales.config.currencyDecimals)} ${sales.config.currency}`),
    'meters.setPaymentMode': (input, ctx) => { const r = changePaymentMode(sales, userOf(ctx), input); sales.outbox.kick(); return r; },
    'meters.adjustDebt': (input, ctx) => { const r = adjustDebt(sales, userOf(ctx), input); sales.outbox.kick(); return r; },
    'meters.setLimits': (input, ctx) => changeLimits(sales, userOf(ctx), input),
  };
}
