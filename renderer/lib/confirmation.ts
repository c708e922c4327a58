import type { ConfirmedPrice, Quote } from '../../preload/contract';

/**
 * What the cashier confirms by selling: the figures of the quote on screen. Main
 * re-prices at the moment of sale and refuses with PRICE_CHANGED (and the new quote) if any of
 * them differs, so the sale is never made at a price the cashier did not see.
 */
export function confirmationOf(q: Quote): ConfirmedPrice {
  return {
    scheduleId: q.tariff.scheduleId,
    periodStart: q.tariff.periodStart,
    periodEnd: q.tariff.periodEnd,
    pricePerKwh: q.tariff.pricePerKwh,
    chargedMinor: q.chargedMinor,
    energyTenths: q.energyTenths,
    valueMinor: q.valueMinor,
  };
}
