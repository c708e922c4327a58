// One report, asked for with a checked query: its JSON answer (at most MAX_JSON_ROWS rows, for a
// screen or a chart) or its CSV export (every row, streamed). The HTTP routes and the `report`
// administration command both come here.
import type { Readable } from 'node:stream';
import type pg from 'pg';
import { timeZoneKnown, type RangeFilter } from '../db/reports';
import { counterColumns, csvStream, outstandingColumns, salesByDayColumns, zReportColumns } from './csv';
import { counterRows, outstandingRows, salesByDayRows, zReportRows, type HeadOfficeMoney } from './rows';
import {
  MAX_JSON_ROWS, STATUS_BUCKETS,
  type Lang, type OutstandingAnswer, type OutstandingQuery, type ReportKind, type SalesByDayAnswer, type SalesByDayQuery,
  type ZReportsAnswer, type ZReportsQuery, type CountersAnswer,
} from './wire';

export interface ReportContext {
  pool: pg.Pool;
  /** The zone the query did not override (HEAD_OFFICE_TIME_ZONE). */
  timeZone: string;
  now: () => Date;
  /** HEAD_OFFICE_CURRENCY and its decimals: sales rows in that currency with other decimals are flagged. */
  money: HeadOfficeMoney;
}

/** The first `max` rows, and whether there were more. Stops reading (and closes the cursor) at max + 1. */
async function firstRows<R>(rows: AsyncGenerator<R>, max = MAX_JSON_ROWS): Promise<{ rows: R[]; truncated: boolean }> {
  const out: R[] = [];
  for await (const r of rows) {
    if (out.length === max) return { rows: out, truncated: true };
    out.push(r);
  }
  return { rows: out, truncated: false };
}

const range = (ctx: ReportContext, q: SalesByDayQuery | ZReportsQuery): RangeFilter => ({
  timeZone: q.timeZone ?? ctx.timeZone, from: q.from, to: q.to, counterIds: q.counter ?? null,
  products: 'product' in q && q.product ? q.product : null,
});

export async function salesByDayJson(ctx: ReportContext, q: SalesByDayQuery): Promise<SalesByDayAnswer> {
  const f = range(ctx, q);
  const { rows, truncated } = await firstRows(salesByDayRows(ctx.pool, f, q.by, ctx.money));
  return {
    report: 'sales-by-day', timeZone: f.timeZone, from: q.from, to: q.to, by: q.by,
    statuses: { sold: [...STATUS_BUCKETS.sold], open: [...STATUS_BUCKETS.open], refunded: [...STATUS_BUCKETS.refunded] }, rows, truncated,
  };
}

export async function zReportsJson(ctx: ReportContext, q: ZReportsQuery): Promise<ZReportsAnswer> {
  const f = range(ctx, q);
  const { rows, truncated } = await firstRows(zReportRows(ctx.pool, f));
  return { report: 'z-reports', timeZone: f.timeZone, from: q.from, to: q.to, rows, truncated };
}

export async function outstandingJson(ctx: ReportContext, q: OutstandingQuery): Promise<OutstandingAnswer> {
  const at = ctx.now();
  const counterIds = q.counter ?? null;
  const { rows, truncated } = await firstRows(outstandingRows(ctx.pool, { counterIds, now: at }));
  const counters = (await firstRows(counterRows(ctx.pool, { counterIds }))).rows;
  return { report: 'outstanding', at: at.toISOString(), timeZone: q.timeZone ?? ctx.timeZone, sales: rows, truncated, counters };
}

export async function countersJson(ctx: ReportContext, q: OutstandingQuery): Promise<CountersAnswer> {
  const at = ctx.now();
  return { report: 'counters', at: at.toISOString(), counters: (await firstRows(counterRows(ctx.pool, { counterIds: q.counter ?? null }))).rows };
}

export interface CsvExport { filename: string; body: Readable }

type AnyQuery = { kind: 'sales-by-day'; q: SalesByDayQuery } | { kind: 'z-reports'; q: ZReportsQuery } | { kind: 'outstanding' | 'counters'; q: OutstandingQuery };

export function reportCsv(ctx: ReportContext, a: AnyQuery): CsvExport {
  const lang: Lang = a.q.lang;
  const tz = a.q.timeZone ?? ctx.timeZone;
  const name = (kind: ReportKind, span = '') => `${kind}${span}.csv`;
  switch (a.kind) {
    case 'sales-by-day': {
      const f = range(ctx, a.q);
      return { filename: name(a.kind, `_${a.q.by}_${a.q.from}_${a.q.to}`), body: csvStream(salesByDayRows(ctx.pool, f, a.q.by, ctx.money), salesByDayColumns(a.q.by, lang), lang) };
    }
    case 'z-reports':
      return { filename: name(a.kind, `_${a.q.from}_${a.q.to}`), body: csvStream(zReportRows(ctx.pool, range(ctx, a.q)), zReportColumns(lang, tz), lang) };
    case 'outstanding':
      return { filename: name(a.kind), body: csvStream(outstandingRows(ctx.pool, { counterIds: a.q.counter ?? null, now: ctx.now() }), outstandingColumns(lang, tz), lang) };
    case 'counters':
      return { filename: name(a.kind), body: csvStream(counterRows(ctx.pool, { counterIds: a.q.counter ?? null }), counterColumns(lang, tz), lang) };
  }
}

const knownZones = new WeakMap<pg.Pool, Set<string>>();
/** True when the database knows the zone (its tz data may lag the runtime's); remembered per pool once known. */
export async function zoneKnownToDatabase(pool: pg.Pool, tz: string): Promise<boolean> {
  let known = knownZones.get(pool);
  if (!known) knownZones.set(pool, (known = new Set()));
  if (known.has(tz)) return true;
  if (!(await timeZoneKnown(pool, tz))) return false;
  known.add(tz);
  return true;
}
