import { invoke, toFailure } from '../transport';
import { PAGE, useHistory, type HistoryFilters } from '../stores/history';
import { normalizeDigits } from '../lib/money';
import { useSession } from '../stores/session';
import { latestWins } from '../lib/latest';
import type { ChannelInput } from '../../preload/contract';

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

function query(f: HistoryFilters, offset: number): ChannelInput<'history.search'> {
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
    limit: PAGE,
    offset,
  };
}

const latest = latestWins();

/** Searches with the filters on screen; `offset` pages through the results. */
export async function searchHistory(offset = 0): Promise<void> {
  const isLatest = latest.begin();
  const s = useHistory.getState();
  s.patch({ busy: true, error: null });
  try {
    const r = await invoke('history.search', query(s.filters, offset));
    if (!isLatest()) return;
    useHistory.getState().patch({ items: r.items, total: r.total, offset: r.offset, searched: true, busy: false });
  } catch (e) {
    if (!isLatest()) return;
    useHistory.getState().patch({ busy: false, error: toFailure(e).error.message });
  }
}
