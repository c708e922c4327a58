import { invoke, toFailure } from '../transport';
import { useHistory } from '../stores/history';
import { useNav } from '../stores/nav';
import { normalizeDigits } from '../lib/money';

/** The last 3 tokens of a meter (audited), for a customer who lost theirs. */
export async function loadLastTokens(meter: string): Promise<void> {
  const meterNumber = normalizeDigits(meter).trim();
  if (!meterNumber) return;
  useHistory.getState().patch({ error: null });
  try {
    const lastTokens = await invoke('history.lastTokens', { meterNumber });
    useHistory.getState().patch({ lastTokens });
  } catch (e) {
    useHistory.getState().patch({ lastTokens: null, error: toFailure(e).error.message });
  }
}

/** From the sell screen's meter card: open History on this meter with its last tokens shown. */
export function showLastTokens(meter: string): void {
  const s = useHistory.getState();
  s.patch({ detail: null, filters: { ...s.filters, meter } });
  useNav.getState().go('history');
  void loadLastTokens(meter);
}
