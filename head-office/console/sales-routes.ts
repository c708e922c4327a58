// Sales search across counters for the console (viewer and up): by counter, meter number,
// receipt number, status and a time range, newest first, a page at a time through a cursor.
import type { FastifyPluginAsync } from 'fastify';
import { searchSales, type SalesKey } from '../db/sales-search';
import { refuse } from '../errors';
import { requireRole } from './guard';
import { SalesQuerySchema, type SalesPage, type SaleRowView } from './wire';

/** "<microseconds>.<sale id>": opaque to the browser, which only hands it back. */
const cursorOf = (k: SalesKey) => `${k.soldAtMicros}.${k.saleId}`;
function keyOf(cursor: string): SalesKey {
  const dot = cursor.indexOf('.');
  return { soldAtMicros: BigInt(cursor.slice(0, dot)), saleId: cursor.slice(dot + 1) };
}

export function salesRoutes(): FastifyPluginAsync {
  return async (app) => {
    const { pool } = app.consoleSessions;
    app.get('/sales', { preHandler: requireRole('viewer') }, async (req, reply) => {
      const q = SalesQuerySchema.safeParse(req.query);
      if (!q.success) {
        const fields = [...new Set(q.error.issues.map((i) => i.path.join('.') || '(query)'))].join(', ');
        return refuse(reply, 422, 'BAD_REQUEST', `Invalid search: ${fields}`, `بحث غير صالح: ${fields}`);
      }
      const f = q.data;
      // One row more than asked tells whether another page follows, without counting them all.
      const rows = await searchSales(pool, {
        counterId: f.counterId ?? null, meterNumber: f.meter ?? null, receiptNo: f.receiptNo ?? null, status: f.status ?? null,
        from: f.from ? new Date(f.from) : null, to: f.to ? new Date(f.to) : null,
      }, f.cursor ? keyOf(f.cursor) : null, f.limit + 1);
      const page = rows.slice(0, f.limit);
      const sales: SaleRowView[] = page.map(({ key: _key, soldAt, status, ...r }) => ({ ...r, status: status as SaleRowView['status'], soldAt: soldAt.toISOString() }));
      const answer: SalesPage = { sales, next: rows.length > f.limit ? cursorOf(page.at(-1)!.key) : null };
      return answer;
    });
  };
}
