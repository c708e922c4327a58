// Vend by units: the smallest amount that buys at least the energy asked for, and a quote that is
// exactly the by-amount quote for that amount (so the two ways can never disagree).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceByUnits } from '../../../main/tariffs/pricing/by-units';
import { priceSale, QuoteRefusal, type PriceInput } from '../../../main/tariffs/pricing/quote';
import { priceSettlement, SettlementRefusal } from '../../../main/tariffs/pricing/settlement';

const base: Omit<PriceInput, 'amountMinor'> = { product: 'sts_kwh', pricePerKwh: '220', vatPercent: '5', feeMinor: 0, minPurchaseMinor: 1, maxPurchaseMinor: 10_000_000 };

describe('priceByUnits', () => {
  it('prices 10 kWh at 220/kWh + 5% VAT as 2310', () => {
    const r = priceByUnits({ ...base, energyTenths: 100 });
    expect(r.energyTenths).toBe(100);
    expect(r.valueMinor).toBe(2200);
    expect(r.amountMinor).toBe(2310);
    expect(r.chargedMinor).toBe(2310);
    expect(r.changeMinor).toBe(0);
  });

  it('includes the fee and the debt share the amount carries', () => {
    const r = priceByUnits({ ...base, vatPercent: '0', energyTenths: 100, feeMinor: 100, debtMinor: 10_000, debtRecoveryPercent: '20' });
    // A - 100 - floor(0.2 A) >= 2200  ->  A = 2874 (574 to the debt)
    expect(r.amountMinor).toBe(2874);
    expect(r.deductions.map((d) => [d.kind, d.amountMinor])).toEqual([['fee', 100], ['debt', 574]]);
    expect(r.energyTenths).toBe(100);
  });

  it('refuses when the amount needed is beyond the purchase limit', () => {
    expect(() => priceByUnits({ ...base, energyTenths: 100, maxPurchaseMinor: 2000 })).toThrow(expect.objectContaining({ problem: 'AMOUNT_TOO_LARGE' }));
  });

  it('is the by-amount quote of the smallest sufficient amount, for any inputs', () => {
    const price = fc.tuple(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 0, max: 9999 })).map(([w, f]) => `${w}.${f}`);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30_000 }), price, fc.integer({ min: 0, max: 20 }).map(String), fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 100 }).map(String), fc.constantFrom<'sts_kwh' | 'acrel_credit'>('sts_kwh', 'acrel_credit'),
        (e, p, v, fee, debt, rec, product) => {
          const input = { ...base, product, pricePerKwh: p, vatPercent: v, feeMinor: fee, debtMinor: debt, debtRecoveryPercent: rec };
          let r;
          try { r = priceByUnits({ ...input, energyTenths: e }); } catch (x) { expect(x).toMatchObject({ problem: 'AMOUNT_TOO_LARGE' }); return; }
          const { amountMinor, ...rest } = r;
          expect(priceSale({ ...input, amountMinor })).toEqual(rest);
          if (product === 'sts_kwh') expect(r.energyTenths!).toBeGreaterThanOrEqual(e);
          let less: ReturnType<typeof priceSale> | null = null;
          try { less = priceSale({ ...input, amountMinor: amountMinor - 1 }); } catch (x) { expect(x).toBeInstanceOf(QuoteRefusal); }
          if (less && product === 'sts_kwh') expect(less.energyTenths!).toBeLessThan(e);
          if (less && product === 'acrel_credit') expect(less.valueMinor).toBeLessThan(r.valueMinor);
          expect(r.chargedMinor + r.changeMinor).toBe(r.tenderedMinor);
        }),
      { numRuns: 1000 },
    );
  });
});

describe('priceSettlement (postpaid and credit meters)', () => {
  it('settles up to the debt and gives the rest back as change', () => {
    expect(priceSettlement({ amountMinor: 5000, tenderedMinor: 6000, debtMinor: 3000 })).toEqual({
      valueMinor: 3000, chargedMinor: 3000, tenderedMinor: 6000, changeMinor: 3000, debt: { beforeMinor: 3000, recoveredMinor: 3000, afterMinor: 0 },
    });
    expect(priceSettlement({ amountMinor: 1000, debtMinor: 3000 }).debt.afterMinor).toBe(2000);
  });
  it('refuses when nothing is owed or the customer pays too little', () => {
    expect(() => priceSettlement({ amountMinor: 1000, debtMinor: 0 })).toThrow(SettlementRefusal);
    expect(() => priceSettlement({ amountMinor: 1000, tenderedMinor: 999, debtMinor: 3000 })).toThrow(expect.objectContaining({ problem: 'TENDERED_TOO_LOW', limitMinor: 1000 }));
  });
});
