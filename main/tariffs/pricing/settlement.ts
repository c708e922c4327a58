// A payment on a postpaid or credit-mode meter buys no energy: it settles what the account owes.
// It is capped at the debt (the rest is change), and a meter that owes nothing has nothing to pay.
import { parsePrice, PRICE_SCALE } from './decimal';

export type SettlementProblem = 'NOTHING_OWED' | 'TENDERED_TOO_LOW';

export class SettlementRefusal extends Error {
  constructor(readonly problem: SettlementProblem, readonly limitMinor?: number) {
    super(problem);
  }
}

export interface SettlementResult {
  valueMinor: number;
  chargedMinor: number;
  tenderedMinor: number;
  changeMinor: number;
  debt: { beforeMinor: number; recoveredMinor: number; afterMinor: number };
}

export function priceSettlement(i: { amountMinor: number; tenderedMinor?: number; debtMinor: number }): SettlementResult {
  if (i.debtMinor <= 0) throw new SettlementRefusal('NOTHING_OWED');
  const charged = Math.min(i.amountMinor, i.debtMinor);
  const tendered = i.tenderedMinor ?? charged;
  if (tendered < charged) throw new SettlementRefusal('TENDERED_TOO_LOW', charged);
  return {
    valueMinor: charged, chargedMinor: charged, tenderedMinor: tendered, changeMinor: tendered - charged,
    debt: { beforeMinor: i.debtMinor, recoveredMinor: charged, afterMinor: i.debtMinor - charged },
  };
}

/**
 * An STS cloud holds a credit limit in energy (0.1 kWh), the counter in money: the energy the
 * limit buys at the given price, rounded down (the meter never runs further than the money).
 * Null when the price is zero (nothing to convert with).
 */
export function creditLimitTenths(limitMinor: number, pricePerKwh: string): number | null {
  const price = parsePrice(pricePerKwh);
  if (price === 0n) return null;
  return Number((BigInt(limitMinor) * 10n * PRICE_SCALE) / price);
}
