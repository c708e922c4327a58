// What the sell screen does before every sale (issue 12): it quotes, shows the quote, and sends
// the figures of that quote with the sale. Test and script callers of sales.sell do the same, so
// none of them bypasses the check that the price sold is the price confirmed.
import type { ChannelInput, ConfirmedPrice, Quote, RpcError } from '../../preload/contract';

export type SellInput = ChannelInput<'sales.sell'>;
export type Unconfirmed = Omit<SellInput, 'confirmed'>;
type QuoteCall = (input: ChannelInput<'sales.quote'>) => Promise<Quote>;

/** The figures of a quote a cashier confirms: tariff period, price, charged money, energy/credit. */
export function confirmationOf(q: Quote): ConfirmedPrice {
  return {
    scheduleId: q.tariff.scheduleId, periodStart: q.tariff.periodStart, periodEnd: q.tariff.periodEnd,
    pricePerKwh: q.tariff.pricePerKwh, chargedMinor: q.chargedMinor, energyTenths: q.energyTenths, valueMinor: q.valueMinor,
  };
}

/**
 * Quotes `input` as the screen would (the money tendered does not change the price) and returns it
 * with that quote's confirmation. Above the purchase maximum the refusal carries the price with a
 * supervisor's approval: that is the quote the cashier sees and confirms.
 */
export async function withConfirmation(quote: QuoteCall, input: Unconfirmed): Promise<SellInput> {
  const what = input.energyTenths !== undefined ? { energyTenths: input.energyTenths } : { amountMinor: input.amountMinor };
  let q: Quote;
  try {
    q = await quote({ meterNumber: input.meterNumber, ...what });
  } catch (e) {
    const error = (e as { error?: RpcError }).error;
    if (error?.code !== 'AMOUNT_TOO_LARGE' || !error.quote) throw e;
    q = error.quote;
  }
  return { ...input, confirmed: confirmationOf(q) };
}

/** The same for a caller holding only the raw app.call (the crash child, the network test). */
export function quoteWith(call: (channel: 'sales.quote', input: unknown) => Promise<{ ok: true; value: unknown } | { ok: false; error: RpcError }>): QuoteCall {
  return async (input) => {
    const r = await call('sales.quote', input);
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message.en}`), { error: r.error });
    return r.value as Quote;
  };
}
