import { RpcFailure, invoke, toFailure } from '../transport';
import { useSaleFlow, type PendingSell } from '../stores/sale';
import { newSaleId } from '../lib/uuid';
import { parseInputs, quoteIsFresh, requestQuote } from './quote';
import { slotFor } from './errorSlot';
import { refreshSync } from './sync';
import { refreshRecent } from './recent';
import { useShift } from '../stores/shift';
import { requestApproval } from './approval';

let confirming = false;

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
  if (!quoteIsFresh()) {
    // Above the purchase maximum: a supervisor may approve this one sale (used up by it).
    if (useSaleFlow.getState().quoteNeedsApproval) return sellAboveMax();
    return; // the quote failed: its error is on screen
  }
  const p = parseInputs(true);
  const quote = useSaleFlow.getState().quote;
  if (!p || !quote) return;
  return send({
    saleId: newSaleId(),
    meterNumber: p.meterNumber,
    amountMinor: p.amountMinor,
    tenderedMinor: p.tenderedMinor ?? quote.chargedMinor,
    paymentMethod: useSaleFlow.getState().paymentMethod,
  });
}

async function sellAboveMax(): Promise<void> {
  const reason = useSaleFlow.getState().error?.message; // read before parsing clears it
  const p = parseInputs(true);
  if (!p || !reason) return;
  useSaleFlow.getState().setError('amount', reason); // keep saying why while the supervisor is asked
  const approvalToken = await requestApproval('sale-above-max', null, reason);
  if (!approvalToken) return;
  return send({
    saleId: newSaleId(),
    meterNumber: p.meterNumber,
    amountMinor: p.amountMinor,
    tenderedMinor: p.tenderedMinor ?? p.amountMinor,
    paymentMethod: useSaleFlow.getState().paymentMethod,
    approvalToken,
  });
}

async function send(pending: PendingSell): Promise<void> {
  const flow = useSaleFlow.getState();
  flow.patch({ selling: true, pendingSell: pending, error: null, printOutcome: null });
  try {
    const sale = await invoke('sales.sell', { ...pending });
    useSaleFlow.getState().patch({ sale, selling: false, pendingSell: null });
  } catch (e) {
    const f = toFailure(e);
    // A lost connection or a crash in main may have committed the sale: keep the id for the retry.
    const ambiguous = (f instanceof RpcFailure && f.transport) || f.code === 'INTERNAL';
    const s = useSaleFlow.getState();
    s.patch({ selling: false, pendingSell: ambiguous ? pending : null });
    s.setError(ambiguous ? 'sell' : slotFor(f.code, 'sell'), f.error.message);
    // No open shift: the sell screen asks for the float; the form is kept for F9 afterwards.
    if (f.code === 'SHIFT_REQUIRED') useShift.getState().patch({ needed: true, current: null });
  } finally {
    void refreshSync();
    void refreshRecent();
  }
}
