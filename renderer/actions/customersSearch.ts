import { invoke, toFailure } from '../transport';
import { useCustomers } from '../stores/customers';
import { latestWins } from '../lib/latest';

const latest = latestWins();

/** Customers shown per search. One more is asked for, to know whether there are others. */
export const PAGE = 50;

/** Meter number, phone or name (Arabic-normalised by main: أ إ آ → ا, ى → ي, ة → ه, no diacritics). */
export async function searchCustomers(): Promise<void> {
  const s = useCustomers.getState();
  const query = s.query.trim();
  if (!query) return;
  const isLatest = latest.begin();
  s.patch({ busy: true, error: null });
  try {
    const found = await invoke('customers.search', { query, limit: PAGE + 1 });
    if (isLatest()) useCustomers.getState().patch({ results: found.slice(0, PAGE), more: found.length > PAGE, searched: true, busy: false });
  } catch (e) {
    if (isLatest()) useCustomers.getState().patch({ busy: false, error: toFailure(e).error.message });
  }
}

/** Search again after a save, so the list shows what was just written. */
export async function refreshCustomers(): Promise<void> {
  if (useCustomers.getState().searched) await searchCustomers();
}
