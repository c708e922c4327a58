// tariffs.*: time-of-use schedule versions (read, write a new version), tariff groups and
// assignment, the price in force, and pushing a schedule to the cloud meters and reading it back.
import { allVersions, listGroups } from '../../db/repos/tariffs';
import type { Db } from '../../db/open';
import { requireUser, type NamespaceHandlers } from '../ipc/handlers';
import type { MeterVendors } from '../meters/vendors';
import { priceNow, pushSchedule, readBack } from './schedule-push';
import { assign, createVersion, groupMeters, listSchedules, saveTariffGroup, scheduleOrThrow, toDto } from './schedules';

export interface TariffsDeps {
  db: Db;
  now: () => Date;
  timeZone: string;
  vendors: MeterVendors;
  /** Wakes the outbox worker (a push queued commands to meters). */
  kick: () => void;
}

export function tariffsHandlers(d: TariffsDeps): NamespaceHandlers<'tariffs'> {
  const r = d.db.read;
  const nowIso = () => d.now().toISOString();
  return {
    'tariffs.list': () => listSchedules(r, nowIso()),
    'tariffs.get': ({ code, version }) => toDto(scheduleOrThrow(r, code, version, nowIso())),
    'tariffs.versions': ({ code }) => {
      const all = allVersions(r, code);
      if (!all.length) scheduleOrThrow(r, code);
      return all.map(toDto);
    },
    'tariffs.createVersion': (input, ctx) => createVersion(d, requireUser(ctx), input),
    'tariffs.priceNow': ({ code, at }) => priceNow(r, code, at ? new Date(at) : d.now(), d.timeZone),
    'tariffs.groups': () => listGroups(r).map(({ id: _id, ...g }) => g),
    'tariffs.groupMeters': (input) => groupMeters(r, input),
    'tariffs.saveGroup': (input, ctx) => saveTariffGroup(d, requireUser(ctx), input),
    'tariffs.assign': (input, ctx) => assign(d, requireUser(ctx), input),
    'tariffs.push': ({ code }, ctx) => {
      const result = pushSchedule(d, requireUser(ctx).id, code);
      d.kick();
      return result;
    },
    'tariffs.readBack': ({ code, meterNumber }) => readBack(d, d.vendors, code, meterNumber),
  };
}
