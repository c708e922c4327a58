// The handler map: each contract channel bound to the service that answers it.
import { getSale, recentSales } from '../../db/repos/sales';
import { latestSchedule, searchMeters, toSummary } from '../../db/repos/meters';
import { login } from '../auth/login';
import type { SessionStore } from '../auth/sessions';
import type { AppConfig } from '../app/config';
import { err } from '../common/errors';
import type { OutboxWorker } from '../outbox/worker';
import type { SalesDeps } from '../sales/ports';
import { printingHandlers } from '../printing/handlers';
import type { ReceiptPrinter } from '../printing/port';
import { lookupMeterForSale } from '../sales/quote';
import { quoteToConfirm } from '../sales/confirmed-price';
import { sell } from '../sales/sell';
import type { Handlers } from './handlers';
import { offlineHandlers } from './offline-handlers';
import type { BackupReason, BackupResult } from '../backup';
import type { MeterVendors } from '../meters/vendors';
import { tariffHandlers } from './tariff-handlers';
import type { MeterHandlers } from '../meters/handlers';
import type { DayHandlers } from '../day/handlers';
import type { VendorSettingsHandlers } from '../vendors/handlers';
import { normalise } from '../../db/normalize';

export interface HandlerDeps {
  config: AppConfig;
  sales: SalesDeps;
  sessions: SessionStore;
  worker: OutboxWorker;
  now: () => Date;
  /** Online database backup (issue 6). */
  backup: (reason: BackupReason) => Promise<BackupResult>;
  /** The receipt printer (settings from the database, preview, test page). */
  printer: ReceiptPrinter;
  /** The meter clouds (tariff read-back, credit info); absent = none configured. */
  meterVendors?: MeterVendors;
  /** Supervisor's meter management (issue 5, main/meters). */
  meters: MeterHandlers;
  /** A cashier's day (issue 8, main/day): users, approvals, shifts, history, customers. */
  day: DayHandlers;
  /** Settings > Vendors: connection settings (secrets sealed) and test connection (issue 5). */
  vendorSettings: VendorSettingsHandlers;
}

const VERSION = '0.1.0';

export function buildHandlers(d: HandlerDeps): Handlers {
  const { config, sales, sessions, worker } = d;
  const requireUser = (s: { user: { id: number } } | null) => {
    if (!s) throw err('UNAUTHENTICATED', 'Please log in again.', 'يرجى تسجيل الدخول مرة أخرى.');
    return s;
  };
  const notFound = () => err('NOT_FOUND', 'No such sale.', 'لا توجد عملية بيع بهذا الرقم.');
  return {
    'app.info': () => ({
      name: 'Shahn', version: VERSION, currency: config.currency, currencyDecimals: config.currencyDecimals,
      timeZone: config.timeZone, defaultLocale: config.defaultLocale, counterName: config.counterName,
    }),
    'auth.login': ({ username, pin }) => {
      const user = login(sales.db.write, username, pin, d.now());
      return { token: sessions.open(user), user };
    },
    'auth.logout': (_i, ctx) => {
      sessions.close(ctx.token);
      return { ok: true as const };
    },
    'auth.me': (_i, ctx) => requireUser(ctx.session) && ctx.session!.user,
    'meters.lookup': ({ query: typed }) => {
      const at = d.now().toISOString();
      const query = normalise(typed); // Arabic-Indic digits, Arabic letter forms (issue 8)
      const compact = query.replace(/[\s-]/g, '');
      const found = searchMeters(sales.db.read, /^\d+$/.test(compact) ? compact : query);
      // A full STS number with a wrong check digit is a typing mistake: say so, do not just show nothing.
      if (found.length === 0 && /^\d{11}$|^\d{13}$/.test(compact)) lookupMeterForSale(sales, compact);
      return found.map((m) => toSummary(m, latestSchedule(sales.db.read, m.scheduleCode, at)?.name ?? { ar: '—', en: '—' }));
    },
    'sales.quote': (input) => quoteToConfirm(sales, input),
    'sales.sell': (input, ctx) => sell(sales, requireUser(ctx.session) && ctx.session!.user, input),
    'sales.get': ({ id }) => getSale(sales.db.read, id) ?? (() => { throw notFound(); })(),
    'sales.recent': ({ limit }) => recentSales(sales.db.read, limit),
    'sync.status': () => worker.status(),
    'sync.now': () => worker.syncNow(),
    ...offlineHandlers({ sales, worker, backup: d.backup }),
    ...tariffHandlers(sales, d.meterVendors),
    // sales.print, printer settings, receipt preview and the print-job alert (issue 7).
    ...printingHandlers(config, sales, d.printer),
    ...d.meters,
    ...d.day,
    ...d.vendorSettings,
  };
}
