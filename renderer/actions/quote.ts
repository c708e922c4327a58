import type { Bilingual } from '../../preload/contract';
import { invoke, toFailure } from '../transport';
import { useSaleFlow } from '../stores/sale';
import { useSession } from '../stores/session';
import { parseMajorToMinor } from '../lib/money';
import { parseKwhToTenths } from '../lib/energy';
import { latestWins, type IsLatest } from '../lib/latest';
import { slotFor } from './errorSlot';

/** What is sold: money (minor units) or, for a prepaid STS meter, energy (0.1 kWh). */
export type Sold = { amountMinor: number } | { energyTenths: number };

export interface ParsedInputs {
  meterNumber: string;
  sold: Sold;
  tenderedMinor: number | undefined;
  key: string;
}

/** The amount field as money or as kWh, as the by-money / by-kWh switch says. */
function parseSold(text: string, byEnergy: boolean, decimals: number): { ok: true; sold: Sold; shown: string } | { ok: false; message: Bilingual } {
  if (byEnergy) {
    const e = parseKwhToTenths(text);
    return e.ok ? { ok: true, sold: { energyTenths: e.tenths }, shown: `kWh:${e.tenths}` } : e;
  }
  const m = parseMajorToMinor(text, decimals);
  return m.ok ? { ok: true, sold: { amountMinor: m.minor }, shown: `money:${m.minor}` } : m;
}

/** Parses the form; with showErrors, puts a local (bilingual) error next to the bad field and clears
 *  the field's old one. Without, it only reads (a quote's own error, e.g. above the maximum, stays). */
export function parseInputs(showErrors: boolean): ParsedInputs | null {
  const flow = useSaleFlow.getState();
  const decimals = useSession.getState().info?.currencyDecimals ?? 2;
  if (!flow.meter) return null;
  const byEnergy = flow.vendBy === 'energy';
  const text = byEnergy ? flow.energyText : flow.amountText;
  if (text.trim() === '') {
    if (showErrors) flow.clearError('amount');
    return null;
  }
  const amount = parseSold(text, byEnergy, decimals);
  if (!amount.ok) {
    if (showErrors) flow.setError('amount', amount.message);
    return null;
  }
  if (showErrors) flow.clearError('amount');
  let tenderedMinor: number | undefined;
  if (flow.tenderedText.trim() !== '') {
    const t = parseMajorToMinor(flow.tenderedText, decimals, { allowZero: true });
    if (!t.ok) {
      if (showErrors) flow.setError('tendered', t.message);
      return null;
    }
    tenderedMinor = t.minor;
  }
  if (showErrors) flow.clearError('tendered');
  const meterNumber = flow.meter.number;
  return { meterNumber, sold: amount.sold, tenderedMinor, key: `${meterNumber}|${amount.shown}|${tenderedMinor ?? ''}` };
}

const latest = latestWins();
let inflight: { key: string; promise: Promise<void> } | null = null;

/** Forgets the quote on screen and drops any answer still on its way: it no longer answers the form. */
export function dropQuote(): void {
  latest.dropAll();
  inflight = null;
  const flow = useSaleFlow.getState();
  if (flow.quote || flow.quoting) flow.patch({ quote: null, quoteKey: null, quoting: false, priceChanged: false });
}

/** sales.quote for the current inputs. A request for the same inputs already on its way is shared
 *  (so Confirm can wait for it); answers for inputs that changed meanwhile are dropped. */
export function requestQuote(): Promise<void> {
  const flow = useSaleFlow.getState();
  if (flow.sale || flow.pendingSell) return Promise.resolve();
  const p = parseInputs(true);
  if (!p) {
    dropQuote();
    return Promise.resolve();
  }
  if (flow.quoteKey === p.key && flow.quote) return Promise.resolve();
  if (inflight?.key === p.key) return inflight.promise;
  const isLatest = latest.begin();
  flow.patch({ quoting: true });
  const promise = fetchQuote(p, isLatest).finally(() => {
    if (inflight?.promise === promise) inflight = null;
  });
  inflight = { key: p.key, promise };
  return promise;
}

async function fetchQuote(p: ParsedInputs, isLatest: IsLatest): Promise<void> {
  try {
    const quote = await invoke('sales.quote', {
      meterNumber: p.meterNumber,
      ...p.sold,
      ...(p.tenderedMinor !== undefined ? { tenderedMinor: p.tenderedMinor } : {}),
    });
    if (!isLatest()) return;
    const s = useSaleFlow.getState();
    s.patch({ quote, quoteKey: p.key, quoting: false, quoteNeedsApproval: false, priceChanged: false });
    if (s.error && s.error.slot !== 'print') s.clearError();
  } catch (e) {
    if (!isLatest()) return;
    const f = toFailure(e);
    const s = useSaleFlow.getState();
    const aboveMax = f.code === 'AMOUNT_TOO_LARGE' && (f.error.issues ?? []).includes('approval:sale-above-max');
    // Above the maximum the refusal carries the price with a supervisor's approval: it is shown, and
    // it is the price the sale with the approval confirms.
    const approvable = aboveMax ? (f.error.quote ?? null) : null;
    s.patch({ quote: approvable, quoteKey: approvable ? p.key : null, quoting: false, quoteNeedsApproval: aboveMax, priceChanged: false });
    s.setError(slotFor(f.code, 'amount'), f.error.message);
  }
}

/** True when the quote on screen answers exactly what is typed now. */
export function quoteIsFresh(): boolean {
  const flow = useSaleFlow.getState();
  if (!flow.quote || !flow.quoteKey) return false;
  const p = parseInputs(false);
  return p !== null && p.key === flow.quoteKey;
}
