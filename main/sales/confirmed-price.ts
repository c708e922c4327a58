// The price the cashier saw is the price sold. A sale carries the figures of the quote
// the cashier confirmed; sell() re-prices at the moment of sale (the tariff period active *now*)
// and, if anything differs (a tariff boundary passed, a new schedule version, a changed fee, VAT
// or debt), refuses with PRICE_CHANGED before anything is written. The refusal carries the new
// quote, so the screen shows it and the cashier confirms again: never a silently different price.
import type { ConfirmedPrice, Quote } from '../../preload/contract';
import { AppError } from '../common/errors';
import { formatMinor } from '../common/money';
import { formatEnergy, formatPricePerKwh } from '../printing/format';
import { parsePrice } from '../tariffs/pricing/decimal';
import { quoteSale, type QuoteRequest } from './quote';
import type { SalesDeps, ServerPrice } from './ports';
import { serverPriceFor } from './server-price';

type Deps = Pick<SalesDeps, 'db' | 'config' | 'now' | 'keys' | 'vending'>;
/** The part of a sell request that names what is sold (money or energy) and what was confirmed. */
interface Confirming { meterNumber: string; amountMinor?: number; energyTenths?: number; confirmed: ConfirmedPrice; server?: ServerPrice }

/** True when pricing now is what the cashier confirmed. */
export function sameAsConfirmed(c: ConfirmedPrice, q: Quote): boolean {
  const money = c.chargedMinor === q.chargedMinor && c.valueMinor === q.valueMinor && c.energyTenths === q.energyTenths;
  // An account payment (postpaid/credit) buys no energy: the tariff on screen prices nothing, so a
  // tariff boundary or a new version does not make its money different. A sale the vending server
  // priced is held to the server's figures, not to the counter's tariff.
  if (q.kind === 'settlement' || q.server) return money;
  const t = q.tariff;
  return money && c.scheduleId === t.scheduleId && c.periodStart === t.periodStart && c.periodEnd === t.periodEnd && parsePrice(c.pricePerKwh) === parsePrice(t.pricePerKwh);
}

/** PRICE_CHANGED in both languages, saying what it is now and what was confirmed; carries `now`. */
export function priceChanged(deps: Deps, c: ConfirmedPrice, now: Quote): AppError {
  const { currency, currencyDecimals } = deps.config;
  // In the Arabic text each figure with its Latin currency code is isolated (LRI ... PDI), so it
  // reads "998 YER" as one left-to-right unit inside the right-to-left sentence.
  const lr = (s: string) => `\u2066${s}\u2069`;
  const money = (m: number) => `${formatMinor(m, currencyDecimals)} ${currency}`;
  const price = (p: string) => `${formatPricePerKwh(p, currencyDecimals)} ${currency}`;
  const gets = (energy: number | null, value: number) => energy !== null
    ? { en: `${formatEnergy(energy)} kWh`, ar: `${lr(formatEnergy(energy))} كيلوواط ساعة` }
    : { en: `${money(value)} credit`, ar: `رصيد ${lr(money(value))}` };
  const was = gets(c.energyTenths, c.valueMinor);
  const is = gets(now.energyTenths, now.valueMinor);
  const period = now.tariff.periodName;
  return new AppError('PRICE_CHANGED', {
    en: `The price changed: it is now ${period.en} at ${price(now.tariff.pricePerKwh)} per kWh, ${is.en} for ${money(now.chargedMinor)} ` +
      `(you confirmed ${was.en} for ${money(c.chargedMinor)} at ${price(c.pricePerKwh)} per kWh). Nothing was sold: confirm the new price.`,
    ar: `تغيّر السعر: الفترة الآن ${period.ar} بسعر ${lr(price(now.tariff.pricePerKwh))} للكيلوواط ساعة، ${is.ar} مقابل ${lr(money(now.chargedMinor))} ` +
      `(المؤكَّد كان ${was.ar} مقابل ${lr(money(c.chargedMinor))} بسعر ${lr(price(c.pricePerKwh))}). لم يتم البيع: أكّد السعر الجديد.`,
  }, undefined, now);
}

/** Pricing now for what is sold, whatever was tendered; null when it cannot be priced at all. */
function priceNow(deps: Deps, req: Confirming): Quote | null {
  try {
    return quoteSale(deps, { meterNumber: req.meterNumber, amountMinor: req.amountMinor, energyTenths: req.energyTenths, aboveMaxApproved: true, server: req.server }).quote;
  } catch {
    return null;
  }
}

/**
 * The quote a sale is made at (`make`, called right away), held to what the cashier confirmed.
 * Called by sell() where it quotes, before its transaction, so a refusal writes nothing.
 */
export function holdToConfirmed<T extends { quote: Quote }>(deps: Deps, req: Confirming, make: () => T): T {
  let made: T;
  try {
    made = make();
  } catch (e) {
    // A price that went up can leave the tendered money short: say first that the price changed,
    // with the new quote, rather than only "the customer must pay at least ...".
    if (e instanceof AppError && e.code === 'TENDERED_TOO_LOW') {
      const now = priceNow(deps, req);
      if (now && !sameAsConfirmed(req.confirmed, now)) throw priceChanged(deps, req.confirmed, now);
    }
    throw e;
  }
  if (!sameAsConfirmed(req.confirmed, made.quote)) throw priceChanged(deps, req.confirmed, made.quote);
  return made;
}

/**
 * sales.quote: the quote the cashier is shown and confirms. Above the purchase maximum the refusal
 * also carries the price with a supervisor's approval, so the cashier sees (and the sale confirms)
 * the price the supervisor is asked to approve.
 */
export async function quoteToConfirm(deps: Deps & Pick<SalesDeps, 'sts'>, input: QuoteRequest): Promise<Quote> {
  const req = { ...input, server: await serverPriceFor(deps, input) };
  try {
    return quoteSale(deps, req).quote;
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'AMOUNT_TOO_LARGE' || e.quote) throw e;
    let approved: Quote;
    try {
      approved = quoteSale(deps, { ...req, aboveMaxApproved: true }).quote;
    } catch {
      throw e; // not sellable even with an approval (e.g. too little tendered): the first reason stands
    }
    throw new AppError(e.code, e.bilingual, e.issues, approved);
  }
}
