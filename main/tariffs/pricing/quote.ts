// The price of a sale, exactly. Pure: the caller supplies the meter's schedule, debt and instant.
// From the amount: the fee (if due) and the debt recovery (a % of the amount, never more than is
// owed) come off first; what is left buys energy. STS: the largest energy (0.1 kWh, and one a
// token can carry) whose cost plus VAT fits; the customer pays exactly that, the rest is change.
// Money credit: the largest credit that with VAT fits. Every figure is an integer of minor units.
import type { Deduction } from '../../../preload/contract';
import { decodeAmount, encodeAmount, AMOUNT_MAX } from '../../sts';
import { ceilDiv, parsePercent, parsePrice, PRICE_SCALE } from './decimal';
import type { FeeMode } from './schedule';

export type QuoteProblem = 'AMOUNT_TOO_SMALL' | 'AMOUNT_TOO_LARGE' | 'TENDERED_TOO_LOW';

export interface PriceInput {
  product: 'sts_kwh' | 'acrel_credit';
  amountMinor: number;
  tenderedMinor?: number;
  pricePerKwh: string;
  vatPercent: string;
  /** The fee due on this sale (the caller has already decided whether a monthly fee applies). */
  feeMinor: number;
  feeMode?: FeeMode;
  debtMinor?: number;
  debtRecoveryPercent?: string;
  minPurchaseMinor: number;
  maxPurchaseMinor: number;
}

export interface PriceResult {
  deductions: Deduction[];
  energyTenths: number | null;
  estimatedEnergyTenths: number | null;
  valueMinor: number;
  chargedMinor: number;
  tenderedMinor: number;
  changeMinor: number;
  /** Debt before and after this sale; null when the meter owes nothing. */
  debt: { beforeMinor: number; recoveredMinor: number; afterMinor: number } | null;
}

export class QuoteRefusal extends Error {
  constructor(readonly problem: QuoteProblem, readonly limitMinor?: number) {
    super(problem);
  }
}

const PCT_SCALE = 100n * 10_000n; // percent (x1e4) -> fraction
export const TENTH_PRICE_SCALE = 10n * PRICE_SCALE; // price is per kWh, energy is in tenths

export const vatOn = (value: bigint, vat: bigint) => (value * vat * 2n + PCT_SCALE) / (2n * PCT_SCALE); // round half up
export const energyCost = (tenths: bigint, price: bigint) => ceilDiv(tenths * price, TENTH_PRICE_SCALE);

/** The largest energy an STS token can carry exactly that is <= tenths (above 1638.3 kWh the
 * token's steps are 1, 10 and 100 kWh; the token must never carry more than was paid for). */
export function stsEnergyFloor(tenths: bigint): bigint {
  const capped = tenths > BigInt(AMOUNT_MAX) ? AMOUNT_MAX : Number(tenths);
  const field = encodeAmount(capped); // rounds up
  const value = decodeAmount(field);
  return BigInt(value <= capped ? value : decodeAmount(field - 1));
}

/** The smallest energy an STS token can carry that is >= tenths (null above the token's range). */
export function stsEnergyCeil(tenths: bigint): bigint | null {
  if (tenths > BigInt(AMOUNT_MAX)) return null;
  return BigInt(decodeAmount(encodeAmount(Number(tenths))));
}

/** Largest x >= 0 with total(x) <= budget, for a non-decreasing total, starting near a guess. */
function largestFitting(guess: bigint, budget: bigint, total: (x: bigint) => bigint): bigint {
  let x = guess < 0n ? 0n : guess;
  while (x > 0n && total(x) > budget) x--;
  while (total(x + 1n) <= budget) x++;
  return total(x) <= budget ? x : -1n;
}

export interface Parsed { price: bigint; vat: bigint; fee: bigint; debt: bigint; recovery: bigint }

export function parseInput(input: PriceInput): Parsed {
  return {
    price: parsePrice(input.pricePerKwh), vat: parsePercent(input.vatPercent), fee: BigInt(input.feeMinor),
    debt: BigInt(input.debtMinor ?? 0), recovery: parsePercent(input.debtRecoveryPercent ?? '0'),
  };
}

export interface Split { recovered: bigint; energy: bigint | null; value: bigint; vatMinor: bigint }

/** How `amount` splits into debt recovery, energy/credit and VAT; null when nothing can be bought. */
export function split(amount: bigint, product: PriceInput['product'], p: Parsed): Split | null {
  const recovered = (() => { const r = (amount * p.recovery) / PCT_SCALE; return r < p.debt ? r : p.debt; })();
  const budget = amount - p.fee - recovered;
  if (budget <= 0n || p.price <= 0n) return null;
  if (product === 'sts_kwh') {
    const total = (e: bigint) => { const c = energyCost(e, p.price); return c + vatOn(c, p.vat); };
    const guess = (budget * TENTH_PRICE_SCALE * PCT_SCALE) / (p.price * (PCT_SCALE + p.vat));
    const fit = largestFitting(guess, budget, total);
    const energy = fit > 0n ? stsEnergyFloor(fit) : 0n;
    if (energy <= 0n) return null;
    const value = energyCost(energy, p.price);
    return { recovered, energy, value, vatMinor: vatOn(value, p.vat) };
  }
  const value = largestFitting((budget * PCT_SCALE) / (PCT_SCALE + p.vat), budget, (c) => c + vatOn(c, p.vat));
  if (value <= 0n) return null;
  return { recovered, energy: null, value, vatMinor: vatOn(value, p.vat) };
}

export function priceSale(input: PriceInput): PriceResult {
  if (input.amountMinor < input.minPurchaseMinor) throw new QuoteRefusal('AMOUNT_TOO_SMALL', input.minPurchaseMinor);
  if (input.amountMinor > input.maxPurchaseMinor) throw new QuoteRefusal('AMOUNT_TOO_LARGE', input.maxPurchaseMinor);
  const p = parseInput(input);
  const s = split(BigInt(input.amountMinor), input.product, p);
  if (!s) throw new QuoteRefusal('AMOUNT_TOO_SMALL', p.recovery === 0n ? input.feeMinor + 1 : undefined);
  return finish(input, p, s);
}

export function finish(input: PriceInput, p: Parsed, s: Split): PriceResult {
  const charged = p.fee + s.recovered + s.value + s.vatMinor;
  const tendered = input.tenderedMinor === undefined ? charged : BigInt(input.tenderedMinor);
  if (tendered < charged) throw new QuoteRefusal('TENDERED_TOO_LOW', Number(charged));
  const deductions: Deduction[] = [];
  if (p.fee > 0n) {
    deductions.push(input.feeMode === 'first_of_month'
      ? { kind: 'fee', label: { ar: 'رسوم الخدمة الشهرية (أول شراء في الشهر)', en: 'Monthly service fee (first purchase this month)' }, amountMinor: Number(p.fee) }
      : { kind: 'fee', label: { ar: 'رسوم الخدمة', en: 'Service fee' }, amountMinor: Number(p.fee) });
  }
  if (s.recovered > 0n) {
    const pct = input.debtRecoveryPercent ?? '0';
    deductions.push({ kind: 'debt', label: { ar: `سداد دين سابق ${pct}٪`, en: `Debt recovery ${pct}%` }, amountMinor: Number(s.recovered) });
  }
  if (s.vatMinor > 0n) {
    deductions.push({ kind: 'vat', label: { ar: `ضريبة القيمة المضافة ${input.vatPercent}٪`, en: `VAT ${input.vatPercent}%` }, amountMinor: Number(s.vatMinor) });
  }
  return {
    deductions,
    energyTenths: s.energy === null ? null : Number(s.energy),
    estimatedEnergyTenths: s.energy === null ? Number((s.value * TENTH_PRICE_SCALE) / p.price) : null,
    valueMinor: Number(s.value),
    chargedMinor: Number(charged),
    tenderedMinor: Number(tendered),
    changeMinor: Number(tendered - charged),
    debt: p.debt > 0n ? { beforeMinor: Number(p.debt), recoveredMinor: Number(s.recovered), afterMinor: Number(p.debt - s.recovered) } : null,
  };
}
