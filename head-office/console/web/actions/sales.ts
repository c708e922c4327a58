// The sales search: one page of matching sales, newest first; `cursor` continues after a page.
import { api, query } from '../lib/api';
import type { SalesPage } from '../../wire';

export interface SalesSearch {
  counterId: string;
  meter: string;
  receiptNo: string;
  status: string;
  /** Calendar days (YYYY-MM-DD) in the browser's time zone, both inclusive. */
  fromDay: string;
  toDay: string;
}

export const EMPTY_SEARCH: SalesSearch = { counterId: '', meter: '', receiptNo: '', status: '', fromDay: '', toDay: '' };

/** The start of a local calendar day as an instant; `plusDays` 1 gives the next day's start. */
function dayStart(day: string, plusDays = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
}

export const PAGE_SIZE = 50;

export function searchSales(s: SalesSearch, cursor: string | null): Promise<SalesPage> {
  return api<SalesPage>('GET', `/sales${query({
    counterId: s.counterId, meter: s.meter.trim(), receiptNo: s.receiptNo.trim(), status: s.status,
    from: dayStart(s.fromDay), to: dayStart(s.toDay, 1), cursor, limit: PAGE_SIZE,
  })}`);
}
