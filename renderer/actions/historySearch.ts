import { invoke, toFailure } from '../transport';
import { PAGE, useHistory, type HistoryFilters } from '../stores/history';
import { normalizeDigits } from '../lib/money';
import { useSession } from '../stores/session';
import { latestWins } from '../lib/latest';
import type { ChannelInput, HistoryCursor } from '../../preload/contract';

/** Milliseconds the time zone is ahead of UTC at `utc` (Asia/Aden: +3 h). */
function zoneOffset(utc: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    .formatToParts(new Date(utc));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - utc;
}

/** A yyyy-mm-dd day typed in the form -> the start of that day (or of a later one) at the counter. */
function dayStart(day: string, plusDays = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays);
  const tz = useSession.getState().info?.timeZone;
  let offset: number;
  try {
    offset = tz ? zoneOffset(guess, tz) : -new Date(guess).getTimezoneOffset() * 60_000;
  } catch {
    offset = 0;
  }
  return new Date(guess - offset).toISOString();
}

function query(f: HistoryFilters, before: HistoryCursor | undefined): ChannelInput<'history.search'> {
  const meter = normalizeDigits(f.meter).trim();
  const receipt = Number(normalizeDigits(f.receipt).replace(/\D/g, ''));
  const from = dayStart(f.from);
  const to = dayStart(f.to, 1);
  return {
    ...(meter ? { meterNumber: meter } : {}),
    ...(receipt > 0 ? { receiptNo: receipt } : {}),
    ...(f.customer.trim() ? { customer: f.customer.trim() } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.cashierId ? { cashierId: Number(f.cashierId) } : {}),
    limit: PAGE,
    ...(before ? { before } : {}),
  };
}

const latest = latestWins();

/** Loads the page after the last cursor of `trail` (the first page when it is empty) and makes it, and its filters, what is on screen. */
async function load(filters: HistoryFilters, trail: HistoryCursor[]): Promise<void> {
  const isLatest = latest.begin();
  useHistory.getState().patch({ busy: true, error: null });
  try {
    const r = await invoke('history.search', query(filters, trail.at(-1)));
    if (!isLatest()) return;
    useHistory.getState().patch({ items: r.items, total: r.total, totalCapped: r.totalCapped, next: r.next, trail, applied: filters, searched: true, busy: false });
  } catch (e) {
    if (!isLatest()) return;
    useHistory.getState().patch({ busy: false, error: toFailure(e).error.message });
  }
}

/** Searches with the filters on screen: the newest matching sales. */
export function searchHistory(): Promise<void> {
  return load(useHistory.getState().filters, []);
}

/** The next page of older sales, after the last one on screen. */
export function olderHistory(): Promise<void> {
  const { applied, next, trail, busy } = useHistory.getState();
  return next && !busy ? load(applied, [...trail, next]) : Promise.resolve();
}

/** Back to the page of newer sales before the one on screen. */
export function newerHistory(): Promise<void> {
  const { applied, trail, busy } = useHistory.getState();
  return trail.length > 0 && !busy ? load(applied, trail.slice(0, -1)) : Promise.resolve();
}
