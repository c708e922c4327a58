import type { MeterSummary } from '../../preload/contract';
import { invoke, toFailure } from '../transport';
import { useSaleFlow } from '../stores/sale';
import { normalizeDigits } from '../lib/money';
import { sellsByEnergy } from './vendBy';

/** Enter in the meter field (scanner or keyboard). One match selects it; several show a choice. */
export async function lookupMeter(): Promise<boolean> {
  const flow = useSaleFlow.getState();
  const query = normalizeDigits(flow.meterQuery).trim();
  if (!query || flow.looking || flow.pendingSell || flow.sale) return false;
  flow.patch({ looking: true, candidates: [], error: null });
  try {
    const found = await invoke('meters.lookup', { query });
    if (useSaleFlow.getState().meterQuery.trim() !== flow.meterQuery.trim()) return false; // typed on
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
    useSaleFlow.getState().patch({ looking: false });
    useSaleFlow.getState().setError('meter', toFailure(e).error.message);
    return false;
  }
}

export function selectMeter(meter: MeterSummary): void {
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
  useSaleFlow.getState().patch({ meter: null, candidates: [], quote: null, quoteKey: null, error: null });
}
