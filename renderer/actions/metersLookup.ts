import type { MeterSummary } from '../../preload/contract';
import { invoke, toFailure } from '../transport';
import { useMeters } from '../stores/meters';
import { useMeterCommand } from '../stores/metersCommand';
import { useMaintenance } from '../stores/metersMaintenance';
import { normalizeDigits } from '../lib/money';
import { both } from '../i18n';
import { useSession } from '../stores/session';
import { latestWins } from '../lib/latest';
import { refreshAll } from './metersRefresh';

// Signed out: nothing of the last supervisor's meter page stays for the next user.
useSession.subscribe((s, prev) => {
  if (prev.user && !s.user) {
    useMeterCommand.getState().reset();
    useMaintenance.getState().reset();
    useMeters.getState().reset();
  }
});

// As on the sell screen: Enter again supersedes a lookup still on its way, and an answer for an
// older lookup or a query since edited is dropped, never left holding the Find button.
const latest = latestWins();

/** Enter in the meter page's search: one match opens it, several show a choice. */
export async function lookupMeterPage(): Promise<void> {
  const s = useMeters.getState();
  const query = normalizeDigits(s.query).trim();
  if (!query) return;
  const isLatest = latest.begin();
  s.patch({ looking: true, candidates: [], lookupError: null });
  try {
    const found = await invoke('meters.lookup', { query });
    if (!isLatest()) return;
    if (normalizeDigits(useMeters.getState().query).trim() !== query) return useMeters.getState().patch({ looking: false }); // typed on meanwhile
    const exact = found.find((m) => m.number === query);
    if (exact || found.length === 1) return openMeter(exact ?? (found[0] as MeterSummary));
    useMeters.getState().patch({
      looking: false,
      candidates: found,
      lookupError: found.length === 0 ? both('meters.search.none') : null,
    });
  } catch (e) {
    if (isLatest()) useMeters.getState().patch({ looking: false, lookupError: toFailure(e).error.message });
  }
}

/** Opens a meter's page and asks its cloud about it; nothing of the previous meter stays. */
export function openMeter(meter: MeterSummary): void {
  latest.dropAll();
  useMeterCommand.getState().reset();
  useMaintenance.getState().reset();
  useMeters.getState().reset();
  useMeters.getState().patch({ meter, query: meter.number });
  void refreshAll();
}

export function closeMeter(): void {
  useMeterCommand.getState().reset();
  useMaintenance.getState().reset();
  const query = useMeters.getState().query;
  useMeters.getState().reset();
  useMeters.getState().patch({ query });
}
