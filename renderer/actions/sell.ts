import { RpcFailure, invoke, toFailure } from '../transport';
import { useSaleFlow, type PendingSell } from '../stores/sale';
import { newSaleId } from '../lib/uuid';
import { confirmationOf } from '../lib/confirmation';
import type { Quote } from '../../preload/contract';
import { parseInputs, quoteIsFresh, requestQuote, type ParsedInputs } from './quote';
import { slotFor } from './errorSlot';
import { refreshSync } from './sync';
import { refreshRecent } from './recent';
import { useShift } from '../stores/shift';
import { requestApproval } from './approval';

let confirming = false;

/** The sale of the inputs on screen at the quote on screen: what the cashier confirms. With no
 *  money typed as received, the quote's own tendered amount (the exact charge, or what was already
 *  sent before a PRICE_CHANGED), so the change shown is the change given. */
function saleOf(p: ParsedInputs, quote: Quote, approvalToken?: string): PendingSell {
  return {
    saleId: newSaleId(),
    meterNumber: p.meterNumber,
    ...p.sold,
    tenderedMinor: p.tenderedMinor ?? quote.tenderedMinor,
    paymentMethod: useSaleFlow.getState().paymentMethod,
    confirmed: confirmationOf(quote),
    ...(approvalToken ? { approvalToken } : {}),
  };
}

/** Enter / F9 / the Confirm button. If the inputs changed since the quote on screen (typed faster
 *  than the debounce), it quotes them first and sells only if that quote succeeds. */
export async function confirmSale(): Promise<void> {
  const flow = useSaleFlow.getState();
  if (confirming || flow.selling || flow.sale) return;
  if (flow.pendingSell) return send(flow.pendingSell); // retry: same id, same inputs
  confirming = true;
  try {
    if (!quoteIsFresh()) await requestQuote();
  } finally {
    confirming = false;
  }
  if (!quoteIsFresh()) return; // the quote failed: its error is on screen
  const p = parseInputs(false); // already checked by the fresh quote; keeps its error on screen
  const { quote, quoteNeedsApproval } = useSaleFlow.getState();
  if (!p || !quote) return;
  // Above the purchase maximum: a supervisor may approve this one sale (used up by it).
  if (quoteNeedsApproval) return sellAboveMax(p, quote);
  return send(saleOf(p, quote));
}

async function sellAboveMax(p: ParsedInputs, quote: Quote): Promise<void> {
  const reason = useSaleFlow.getState().error?.message;
  if (!reason) return;
  const approvalToken = await requestApproval('sale-above-max', null, reason);
  if (!approvalToken) return;
  return send(saleOf(p, quote, approvalToken));
}

async function send(pending: PendingSell): Promise<void> {
  const flow = useSaleFlow.getState();
  flow.patch({ selling: true, pendingSell: pending, error: null, printOutcome: null });
  try {
    const sale = await invoke('sales.sell', { ...pending });
    useSaleFlow.getState().patch({ sale, selling: false, pendingSell: null, priceChanged: false });
  } catch (e) {
    const f = toFailure(e);
    // A lost connection or a crash in main may have committed the sale: keep the id for the retry.
    const ambiguous = (f instanceof RpcFailure && f.transport) || f.code === 'INTERNAL';
    const s = useSaleFlow.getState();
    s.patch({ selling: false, pendingSell: ambiguous ? pending : null });
    // The price changed since the quote was shown: nothing was sold. The new quote
    // answers the same inputs (the form was locked), so it replaces the one on screen and the
    // cashier confirms the new price with F9 — or changes the amount.
    if (f.code === 'PRICE_CHANGED' && f.error.quote) s.patch({ quote: f.error.quote, priceChanged: true });
    s.setError(ambiguous ? 'sell' : slotFor(f.code, 'sell'), f.error.message);
    // No open shift: the sell screen asks for the float; the form is kept for F9 afterwards.
    if (f.code === 'SHIFT_REQUIRED') useShift.getState().patch({ needed: true, current: null });
  } finally {
    void refreshSync();
    void refreshRecent();
  }
}
