// The price of a sale, exactly. Pure: the caller supplies the meter's schedule and the instant.
// STS: the largest energy (in 0.1 kWh) whose cost, VAT and fee fit in the amount; the customer
// pays exactly that and the remainder is change. Money credit: the largest credit that, with
// VAT and fee, fits in the amount. Every figure is an integer of minor units.
import type { Deduction } from '../../preload/contract';
import { decodeAmount, encodeAmount, AMOUNT_MAX } from '../sts';
import { ceilDiv, parsePercent, parsePrice, PRICE_SCALE } from './decimal';

export type QuoteProblem = 'AMOUNT_TOO_SMALL' | 'AMOUNT_TOO_LARGE' | 'TENDERED_TOO_LOW';

export interface PriceInput {
  product: 'sts_kwh' | 'acrel_credit';
  amountMinor: number;
  tenderedMinor?: number;
  pricePerKwh: string;
  vatPercent: string;
  feeMinor: number;
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
}

export class QuoteRefusal extends Error {
  constructor(readonly problem: QuoteProblem, readonly limitMinor?: number) {
    super(problem);
  }
}

const PCT_SCALE = 100n * 10_000n; // percent (x1e4) -> fraction
const TENTH_PRICE_SCALE = 10n * PRICE_SCALE; // price is per kWh, energy is in tenths

const vatOn = (value: bigint, vat: bigint) => (value * vat * 2n + PCT_SCALE) / (2n * PCT_SCALE); // round half up
const energyCost = (tenths: bigint, price: bigint) => ceilDiv(tenths * price, TENTH_PRICE_SCALE);

/** The largest energy an STS token can carry exactly that is <= tenths (above 1638.3 kWh the
 * token's steps are 1, 10 and 100 kWh; the token must never carry more than was paid for). */
export function stsEnergyFloor(tenths: bigint): bigint {
  const capped = tenths > BigInt(AMOUNT_MAX) ? AMOUNT_MAX : Number(tenths);
  const field = encodeAmount(capped); // rounds up
  const value = decodeAmount(field);
  return BigInt(value <= capped ? value : decodeAmount(field - 1));
}

/** Largest x >= 0 with total(x) <= budget, for a non-decreasing total, starting near a guess. */
function largestFitting(guess: bigint, budget: bigint, total: (x: bigint) => bigint): bigint {
  let x = guess < 0n ? 0n : guess;
  while (x > 0n && total(x) > budget) x--;
  while (total(x + 1n) <= budget) x++;
  return total(x) <= budget ? x : -1n;
}

export function priceSale(input: PriceInput): PriceResult {
  const amount = BigInt(input.amountMinor);
  if (input.amountMinor < input.minPurchaseMinor) throw new QuoteRefusal('AMOUNT_TOO_SMALL', input.minPurchaseMinor);
  if (input.amountMinor > input.maxPurchaseMinor) throw new QuoteRefusal('AMOUNT_TOO_LARGE', input.maxPurchaseMinor);
  const price = parsePrice(input.pricePerKwh);
  const vat = parsePercent(input.vatPercent);
  const fee = BigInt(input.feeMinor);
  const budget = amount - fee;
  if (budget <= 0n || price <= 0n) throw new QuoteRefusal('AMOUNT_TOO_SMALL', input.feeMinor + 1);

  let energy: bigint | null = null;
  let value: bigint;
  if (input.product === 'sts_kwh') {
    const total = (e: bigint) => { const c = energyCost(e, price); return c + vatOn(c, vat); };
    const guess = (budget * TENTH_PRICE_SCALE * PCT_SCALE) / (price * (PCT_SCALE + vat));
    const fit = largestFitting(guess, budget, total);
    energy = fit > 0n ? stsEnergyFloor(fit) : 0n;
    if (energy <= 0n) throw new QuoteRefusal('AMOUNT_TOO_SMALL');
    value = energyCost(energy, price);
  } else {
    const total = (c: bigint) => c + vatOn(c, vat);
    value = largestFitting((budget * PCT_SCALE) / (PCT_SCALE + vat), budget, total);
    if (value <= 0n) throw new QuoteRefusal('AMOUNT_TOO_SMALL');
  }
  const vatMinor = vatOn(value, vat);
  const charged = fee + value + vatMinor;
  const tendered = input.tenderedMinor === undefined ? charged : BigInt(input.tenderedMinor);
  if (tendered < charged) throw new QuoteRefusal('TENDERED_TOO_LOW', Number(charged));

  const deductions: Deduction[] = [];
  if (fee > 0n) deductions.push({ kind: 'fee', label: { ar: 'رسوم الخدمة', en: 'Service fee' }, amountMinor: Number(fee) });
  if (vatMinor > 0n)
    deductions.push({ kind: 'vat', label: { ar: `ضريبة القيمة المضافة ${input.vatPercent}٪`, en: `VAT ${input.vatPercent}%` }, amountMinor: Number(vatMinor) });
  return {
    deductions,
    energyTenths: energy === null ? null : Number(energy),
    estimatedEnergyTenths: energy === null ? Number((value * TENTH_PRICE_SCALE) / price) : null,
    valueMinor: Number(value),
    chargedMinor: Number(charged),
    tenderedMinor: Number(tendered),
    changeMinor: Number(tendered - charged),
  };
}
