// meters.*: everything about a meter, in one place: finding it, its registration (with its
// customer, tariff and STS key data), its account (payment mode, debt, limits, the cloud's view of
// its credit), direct reads through its cloud, outbox-backed commands and maintenance codes.
import { latestSchedule, searchMeters, toSummary } from '../../db/repos/meters';
import type { Db } from '../../db/open';
import { normalise } from '../../db/normalize';
import type { AppConfig } from '../app/config';
import { formatMinor } from '../common/money';
import { requireUser, type NamespaceHandlers } from '../ipc/handlers';
import type { VendingKeyStore } from '../keys';
import { adjustDebt, changeLimits, changePaymentMode } from './accounts';
import { commandStatus, listCommands, requestCommand } from './commands';
import { creditInfoWithCloud } from './credit-cloud';
import { lookupMeter } from './find';
import { maintenanceCode } from './maintenance';
import { printMaintenanceCode } from './maintenance-print';
import { meterReads } from './reads';
import { createMeter, meterDetail, updateMeter } from './registry';
import type { MeterVendors } from './vendors';

export interface MeterServiceDeps {
  db: Db;
  vendors: MeterVendors;
  now: () => Date;
  /** Wakes the outbox worker (a command was queued, or someone is watching one). */
  kick: () => void;
  /** Currency, time zone, printer settings and counter name (the engineering-token slip). */
  config: AppConfig;
  /** Sealed vending keys: a meter's detail says whether its key is loaded. */
  keys: VendingKeyStore;
  /** True once the head office leases this counter's meters (its supply-group keys are at the head office). */
  leasesGovern?: () => boolean;
}

export function meterHandlers(d: MeterServiceDeps): NamespaceHandlers<'meters'> {
  const reads = meterReads(d);
  const r = d.db.read;
  const w = d.db.write;
  const at = () => d.now().toISOString();
  const money = (m: number) => `${formatMinor(m, d.config.currencyDecimals)} ${d.config.currency}`;
  return {
    'meters.lookup': ({ query: typed }) => {
      const now = at();
      const query = normalise(typed); // Arabic-Indic digits, Arabic letter forms
      const compact = query.replace(/[\s-]/g, '');
      const found = searchMeters(r, /^\d+$/.test(compact) ? compact : query);
      // A full STS number with a wrong check digit is a typing mistake: say so, do not just show nothing.
      if (found.length === 0 && /^\d{11}$|^\d{13}$/.test(compact)) lookupMeter(r, compact);
      return found.map((m) => toSummary(m, latestSchedule(r, m.scheduleCode, now)?.name ?? { ar: '—', en: '—' }));
    },
    'meters.detail': ({ meterNumber }) => meterDetail(r, d.keys, meterNumber),
    'meters.create': (m, ctx) => createMeter(w, d.keys, requireUser(ctx), m, at()),
    'meters.update': (c, ctx) => updateMeter(w, d.keys, requireUser(ctx), c, at()),

    'meters.creditInfo': ({ meterNumber }) => creditInfoWithCloud(r, d.vendors, d.now, meterNumber, money),
    'meters.setPaymentMode': (input, ctx) => {
      const result = changePaymentMode(d, requireUser(ctx), input);
      d.kick();
      return result;
    },
    'meters.adjustDebt': (input, ctx) => {
      const result = adjustDebt(d, requireUser(ctx), input);
      d.kick();
      return result;
    },
    'meters.setLimits': (input, ctx) => changeLimits(d, requireUser(ctx), input),

    'meters.status': (i) => reads.status(i),
    'meters.reading': (i) => reads.reading(i),
    'meters.readings': (i) => reads.readings(i),
    'meters.balance': (i) => reads.balance(i),
    'meters.cloudPaymentMode': (i) => reads.cloudPaymentMode(i),
    'meters.prepaidBalance': (i) => reads.prepaidBalance(i),
    'meters.command': (i, ctx) => requestCommand(d, requireUser(ctx), i),
    'meters.commandStatus': ({ commandId }) => commandStatus(d, commandId),
    'meters.commands': ({ meterNumber, limit }) => listCommands(d, meterNumber, limit),
    'meters.maintenanceCode': (i, ctx) => maintenanceCode(d, requireUser(ctx), i),
    'meters.printMaintenanceCode': (i, ctx) => printMaintenanceCode(d, requireUser(ctx), i),
  };
}
