// The handler map: each contract channel bound to the service that answers it.
import { getSale, recentSales } from '../../db/repos/sales';
import { latestSchedule, searchMeters, toSummary } from '../../db/repos/meters';
import { login } from '../auth/login';
import type { SessionStore } from '../auth/sessions';
import type { AppConfig } from '../config';
import { err } from '../errors';
import type { OutboxWorker } from '../outbox/worker';
import type { SalesDeps } from '../sales/ports';
import { printSale } from '../sales/print';
import { quoteSale } from '../sales/quote';
import { sell } from '../sales/sell';
import type { Handlers } from './handlers';

export interface HandlerDeps {
  config: AppConfig;
  sales: SalesDeps;
  sessions: SessionStore;
  worker: OutboxWorker;
  now: () => Date;
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
    'meters.lookup': ({ query }) => {
      const at = d.now().toISOString();
      const compact = query.replace(/[\s-]/g, '');
      const found = searchMeters(sales.db.read, /^\d+$/.test(compact) ? compact : query);
      return found.map((m) => toSummary(m, latestSchedule(sales.db.read, m.scheduleCode, at)?.name ?? { ar: '—', en: '—' }));
    },
    'sales.quote': (input) => quoteSale(sales, input).quote,
    'sales.sell': (input, ctx) => sell(sales, requireUser(ctx.session) && ctx.session!.user, input),
    'sales.get': ({ id }) => getSale(sales.db.read, id) ?? (() => { throw notFound(); })(),
    'sales.recent': ({ limit }) => recentSales(sales.db.read, limit),
    'sales.print': async ({ id }) => {
      if (!getSale(sales.db.read, id)) throw notFound();
      const r = await printSale(sales, id, false);
      return {
        printed: r.printed, copy: r.copy,
        error: r.error === null ? null : { en: `The receipt was not printed: ${r.error}. The sale is safe; check the printer and print again.`, ar: `لم تُطبع الفاتورة: ${r.error}. عملية البيع محفوظة؛ تحقق من الطابعة وأعد الطباعة.` },
      };
    },
    'sync.status': () => worker.status(),
    'sync.now': () => worker.syncNow(),
  };
}
