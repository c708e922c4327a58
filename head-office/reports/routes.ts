// The reports over HTTP for the head office's console, mounted by buildServer under /console/api/reports:
//   GET /sales-by-day  ?from=YYYY-MM-DD&to=YYYY-MM-DD[&by=counter|cashier|product|period][&counter=1,2][&product=sts_kwh]
//   GET /z-reports     ?from&to[&counter]
//   GET /outstanding   [?counter]      (the ledger's open sales, and each counter's own counts)
//   GET /counters      [?counter]      (each counter's own counts and the ledger's open sales of it)
// each as JSON, or as CSV with `.csv` on the path or ?format=csv (&lang=ar|en for the header, Arabic
// by default; &timeZone= overrides HEAD_OFFICE_TIME_ZONE). Who may read them is the console's
// sign-in to decide: the guard is given, never made here.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type pg from 'pg';
import type { z } from 'zod';
import { refuse } from '../errors';
import {
  countersJson, outstandingJson, reportCsv, salesByDayJson, zoneKnownToDatabase, zReportsJson, type ReportContext,
} from './run';
import { OutstandingQuerySchema, SalesByDayQuerySchema, ZReportsQuerySchema } from './wire';

export type Role = 'viewer' | 'operator' | 'admin';

export interface ReportRoutesDeps {
  pool: pg.Pool;
  guard: (min: Role) => preHandlerAsyncHookHandler;
  /** HEAD_OFFICE_TIME_ZONE: the zone days are cut in unless a request names another. */
  timeZone: string;
  /** HEAD_OFFICE_CURRENCY and its decimals (sales rows of that currency in other decimals are flagged). */
  money: { code: string; decimals: number };
  now?: () => Date;
}

/** The query, valid; or null once the 422 naming the bad parameters has been sent. */
function readQuery<T>(req: FastifyRequest, reply: FastifyReply, schema: z.ZodType<T>): T | null {
  const p = schema.safeParse(req.query ?? {});
  if (p.success) return p.data;
  const fields = [...new Set(p.error.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.join(', ') : String(i.path[0] ?? '(query)'))))].join(', ');
  refuse(reply, 422, 'BAD_QUERY', `Invalid report parameters: ${fields}`, `معايير التقرير غير صالحة: ${fields}`);
  return null;
}

export function reportRoutes(deps: ReportRoutesDeps): FastifyPluginAsync {
  const ctx: ReportContext = { pool: deps.pool, timeZone: deps.timeZone, money: deps.money, now: deps.now ?? (() => new Date()) };

  return async (app) => {
    const viewer = { preHandler: deps.guard('viewer') };

    /** Refuses a zone PostgreSQL does not know (the runtime's list may be newer than its). */
    const zoneRefused = async (reply: FastifyReply, tz: string | undefined) => {
      const zone = tz ?? ctx.timeZone;
      if (await zoneKnownToDatabase(deps.pool, zone)) return false;
      refuse(reply, 422, 'BAD_QUERY', `Invalid report parameters: timeZone (the database does not know ${zone})`,
        `معايير التقرير غير صالحة: timeZone (قاعدة البيانات لا تعرف المنطقة الزمنية ${zone})`);
      return true;
    };

    const sendCsv = (reply: FastifyReply, e: { filename: string; body: NodeJS.ReadableStream }) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${e.filename}"`)
        .header('cache-control', 'no-store')
        .send(e.body);

    for (const csvPath of [false, true]) {
      const ext = csvPath ? '.csv' : '';

      app.get(`/sales-by-day${ext}`, viewer, async (req, reply) => {
        const q = readQuery(req, reply, SalesByDayQuerySchema);
        if (q === null || (await zoneRefused(reply, q.timeZone))) return reply;
        if (csvPath || q.format === 'csv') return sendCsv(reply, reportCsv(ctx, { kind: 'sales-by-day', q }));
        return salesByDayJson(ctx, q);
      });

      app.get(`/z-reports${ext}`, viewer, async (req, reply) => {
        const q = readQuery(req, reply, ZReportsQuerySchema);
        if (q === null || (await zoneRefused(reply, q.timeZone))) return reply;
        if (csvPath || q.format === 'csv') return sendCsv(reply, reportCsv(ctx, { kind: 'z-reports', q }));
        return zReportsJson(ctx, q);
      });

      app.get(`/outstanding${ext}`, viewer, async (req, reply) => {
        const q = readQuery(req, reply, OutstandingQuerySchema);
        if (q === null || (await zoneRefused(reply, q.timeZone))) return reply;
        if (csvPath || q.format === 'csv') return sendCsv(reply, reportCsv(ctx, { kind: 'outstanding', q }));
        return outstandingJson(ctx, q);
      });

      app.get(`/counters${ext}`, viewer, async (req, reply) => {
        const q = readQuery(req, reply, OutstandingQuerySchema);
        if (q === null || (await zoneRefused(reply, q.timeZone))) return reply;
        if (csvPath || q.format === 'csv') return sendCsv(reply, reportCsv(ctx, { kind: 'counters', q }));
        return countersJson(ctx, q);
      });
    }
  };
}
