// The sell screen's by-money / by-kWh switch (F2). Only a prepaid STS meter is sold by kWh: a cloud
// meter takes money credit, and a postpaid or credit-mode meter's payment settles its account,
// which main refuses in kWh (WRONG_PAYMENT_MODE) — so the switch is not offered for them.
import type { MeterSummary } from '../../preload/contract';
import { useSaleFlow, type VendBy } from '../stores/sale';
import { dropQuote } from './quote';

export const sellsByEnergy = (m: MeterSummary | null): boolean => m?.kind === 'sts' && m.paymentMode === 'prepaid';

/** Switches what the amount field holds. False when it cannot (no such meter, a sale under way). */
export function setVendBy(vendBy: VendBy): boolean {
  const s = useSaleFlow.getState();
  if (s.sale || s.pendingSell || s.selling) return false;
  if (vendBy === 'energy' && !sellsByEnergy(s.meter)) return false;
  if (s.vendBy === vendBy) return true;
  // The quote on screen priced the other kind of amount: it must not be confirmed for this one.
  dropQuote();
  s.patch({ vendBy, quoteNeedsApproval: false });
  s.clearError('amount');
  return true;
}

export function toggleVendBy(): boolean {
  return setVendBy(useSaleFlow.getState().vendBy === 'money' ? 'energy' : 'money');
}
