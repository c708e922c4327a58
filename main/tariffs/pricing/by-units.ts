// Vend by units: the customer asks for kWh, not money. The answer is the by-amount quote for the
// smallest amount that buys at least that energy (or that credit, for a cloud meter), so every
// invariant of a by-amount quote holds for it too and the two ways can never disagree.
import { energyCost, finish, parseInput, QuoteRefusal, split, stsEnergyCeil, vatOn, type PriceInput, type PriceResult } from './quote';

export type UnitsInput = Omit<PriceInput, 'amountMinor'> & { energyTenths: number };

export function priceByUnits(input: UnitsInput): PriceResult & { amountMinor: number } {
  const p = parseInput({ ...input, amountMinor: 0 });
  if (input.energyTenths <= 0 || p.price <= 0n) throw new QuoteRefusal('AMOUNT_TOO_SMALL');
  // A token carries only certain amounts above 1638.3 kWh: aim at the nearest one at or above.
  const target = input.product === 'sts_kwh' ? stsEnergyCeil(BigInt(input.energyTenths)) : BigInt(input.energyTenths);
  if (target === null) throw new QuoteRefusal('AMOUNT_TOO_LARGE', input.maxPurchaseMinor);
  const targetValue = energyCost(target, p.price);
  const enough = (amount: bigint) => {
    const s = split(amount, input.product, p);
    if (!s) return null;
    return (s.energy !== null ? s.energy >= target : s.value >= targetValue) ? s : null;
  };
  // Paying fee + cost + VAT + the whole debt always suffices; search down from there.
  let hi = p.fee + targetValue + vatOn(targetValue, p.vat) + p.debt;
  let lo = p.fee + targetValue - 1n; // never enough: the energy alone costs more
  if (lo < 0n) lo = 0n;
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (enough(mid)) hi = mid; else lo = mid;
  }
  const amount = Number(hi);
  if (amount > input.maxPurchaseMinor) throw new QuoteRefusal('AMOUNT_TOO_LARGE', input.maxPurchaseMinor);
  if (amount < input.minPurchaseMinor) throw new QuoteRefusal('AMOUNT_TOO_SMALL', input.minPurchaseMinor);
  const s = enough(hi);
  if (!s) throw new QuoteRefusal('AMOUNT_TOO_SMALL'); // unreachable: hi always suffices
  return { ...finish({ ...input, amountMinor: amount }, p, s), amountMinor: amount };
}
