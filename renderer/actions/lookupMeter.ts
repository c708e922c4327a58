import type { MeterSummary } from '../../preload/contract';
import { invoke, toFailure } from '../transport';
import { useSaleFlow } from '../stores/sale';
import { normalizeDigits } from '../lib/money';
import { latestWins } from '../lib/latest';
import { sellsByEnergy } from './vendBy';

// A lookup runs on Enter (or Find), never per keystroke: typing only edits the field, so it never
// waits on main. A lookup that is slow to answer never holds the field either: Enter again starts
// a newer one, the older answer is dropped when it lands, and so is any answer for a number the
// cashier has since changed.
const latest = latestWins();

/** Enter in the meter field (scanner or keyboard). One match selects it; several show a choice. */
export async function lookupMeter(): Promise<boolean> {
  const flow = useSaleFlow.getState();
  const query = normalizeDigits(flow.meterQuery).trim();
  if (!query || flow.pendingSell || flow.sale) return false;
  const isLatest = latest.begin();
  flow.patch({ looking: true, candidates: [], error: null });
  const typedOn = () => normalizeDigits(useSaleFlow.getState().meterQuery).trim() !== query;
  try {
    const found = await invoke('meters.lookup', { query });
    if (!isLatest()) return false; // a newer lookup answers for the screen
    if (typedOn()) {
      useSaleFlow.getState().patch({ looking: false });
      return false;
    }
    if (found.length === 0) {
      useSaleFlow.getState().patch({ looking: false });
      useSaleFlow.getState().setError('meter', {
        ar: 'لا يوجد عداد بهذا الرقم. تحقق من الرقم وأعد المحاولة.',
        en: 'No meter found with this number. Check the number and try again.',
      });
      return false;
    }
    const exact = found.find((m) => m.number === query);
    if (exact || found.length === 1) {
      selectMeter(exact ?? (found[0] as MeterSummary));
      return true;
    }
    useSaleFlow.getState().patch({ looking: false, candidates: found });
    return false;
  } catch (e) {
    if (!isLatest()) return false;
    useSaleFlow.getState().patch({ looking: false });
    if (!typedOn()) useSaleFlow.getState().setError('meter', toFailure(e).error.message);
    return false;
  }
}

export function selectMeter(meter: MeterSummary): void {
  latest.dropAll(); // a lookup still on its way no longer fits
  useSaleFlow.getState().patch({
    looking: false,
    candidates: [],
    meter,
    meterQuery: meter.number,
    ...(sellsByEnergy(meter) ? {} : { vendBy: 'money' as const }), // kWh only where it can be sold
    quote: null,
    quoteKey: null,
    error: null,
  });
}

/** Back to the meter field, keeping nothing of the old meter's quote. */
export function clearMeter(): void {
  latest.dropAll();
  useSaleFlow.getState().patch({ meter: null, looking: false, candidates: [], quote: null, quoteKey: null, error: null });
}
