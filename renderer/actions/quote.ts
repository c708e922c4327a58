import { invoke, toFailure } from '../transport';
import { useSaleFlow } from '../stores/sale';
import { useSession } from '../stores/session';
import { parseMajorToMinor } from '../lib/money';
import { slotFor } from './errorSlot';

export interface ParsedInputs {
  meterNumber: string;
  amountMinor: number;
  tenderedMinor: number | undefined;
  key: string;
}

/** Parses the form; with showErrors, puts a local (bilingual) error next to the bad field and clears
 *  the field's old one. Without, it only reads (a quote's own error, e.g. above the maximum, stays). */
export function parseInputs(showErrors: boolean): ParsedInputs | null {
  const flow = useSaleFlow.getState();
  const decimals = useSession.getState().info?.currencyDecimals ?? 2;
  if (!flow.meter) return null;
  if (flow.amountText.trim() === '') {
    if (showErrors) flow.clearError('amount');
    return null;
  }
  const amount = parseMajorToMinor(flow.amountText, decimals);
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
  return { meterNumber, amountMinor: amount.minor, tenderedMinor, key: `${meterNumber}|${amount.minor}|${tenderedMinor ?? ''}` };
}

let seq = 0;
let inflight: { key: string; promise: Promise<void> } | null = null;

/** sales.quote for the current inputs. A request for the same inputs already on its way is shared
 *  (so Confirm can wait for it); answers for inputs that changed meanwhile are dropped. */
export function requestQuote(): Promise<void> {
  const flow = useSaleFlow.getState();
  if (flow.sale || flow.pendingSell) return Promise.resolve();
  const p = parseInputs(true);
  if (!p) {
    seq++;
    inflight = null;
    if (flow.quote || flow.quoting) flow.patch({ quote: null, quoteKey: null, quoting: false });
    return Promise.resolve();
  }
  if (flow.quoteKey === p.key && flow.quote) return Promise.resolve();
  if (inflight?.key === p.key) return inflight.promise;
  const mine = ++seq;
  flow.patch({ quoting: true });
  const promise = fetchQuote(p, mine).finally(() => {
    if (inflight?.promise === promise) inflight = null;
  });
  inflight = { key: p.key, promise };
  return promise;
}

async function fetchQuote(p: ParsedInputs, mine: number): Promise<void> {
  try {
    const quote = await invoke('sales.quote', {
      meterNumber: p.meterNumber,
      amountMinor: p.amountMinor,
      ...(p.tenderedMinor !== undefined ? { tenderedMinor: p.tenderedMinor } : {}),
    });
    if (mine !== seq) return;
    const s = useSaleFlow.getState();
    s.patch({ quote, quoteKey: p.key, quoting: false, quoteNeedsApproval: false, priceChanged: false });
    if (s.error && s.error.slot !== 'print') s.clearError();
  } catch (e) {
    if (mine !== seq) return;
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
