// What each report asks the service, from the filters on screen: the JSON the page reads and the
// CSV link (the same filters, the page's language for the header) built from one place, so a
// download always carries exactly what is shown.
import type { GROUP_BY } from '../../../reports/wire';
import type { Lang } from './format';
import { query } from './api';

export type GroupBy = (typeof GROUP_BY)[number];

export interface SalesFilters { from: string; to: string; by: GroupBy; counter: string; product: string }
export interface ZFilters { from: string; to: string; counter: string }
export interface OutstandingFilters { counter: string }

export type ReportRequest =
  | { kind: 'sales-by-day'; filters: SalesFilters }
  | { kind: 'z-reports'; filters: ZFilters }
  | { kind: 'outstanding'; filters: OutstandingFilters };

function params(r: ReportRequest): Record<string, string> {
  switch (r.kind) {
    case 'sales-by-day':
      return { from: r.filters.from, to: r.filters.to, by: r.filters.by, counter: r.filters.counter, product: r.filters.product };
    case 'z-reports':
      return { from: r.filters.from, to: r.filters.to, counter: r.filters.counter };
    case 'outstanding':
      return { counter: r.filters.counter };
  }
}

/** The JSON answer's path under /console/api. */
export const reportPath = (r: ReportRequest): string => `/reports/${r.kind}${query(params(r))}`;

/** The CSV export's address, for a plain link: the service names the file and sends it as an attachment. */
export const reportCsvHref = (r: ReportRequest, lang: Lang): string => `/console/api/reports/${r.kind}.csv${query({ ...params(r), lang })}`;

/** The longest range the page charts: a year of days is already more bars than a screen can show. */
export const MAX_RANGE_DAYS = 366;

/**
 * A range not to ask for, said before asking: a missing day, the "to" day before the "from" day (the
 * service would refuse both), or longer than the page charts (the CSV export has no such limit).
 */
export function rangeProblem(f: { from: string; to: string }): 'missing' | 'order' | 'long' | null {
  if (!f.from || !f.to) return 'missing';
  if (f.to < f.from) return 'order';
  const days = (Date.parse(`${f.to}T00:00:00Z`) - Date.parse(`${f.from}T00:00:00Z`)) / 86_400_000 + 1;
  return days > MAX_RANGE_DAYS ? 'long' : null;
}
