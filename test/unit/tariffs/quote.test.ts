// The price of a sale: exact to the last minor unit, for any amount, price and VAT.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAmount, encodeAmount } from '../../../main/sts';
import { parsePrice } from '../../../main/tariffs/pricing/decimal';
import { priceSale, QuoteRefusal, stsEnergyFloor, type PriceInput } from '../../../main/tariffs/pricing/quote';

const base: PriceInput = {
  product: 'sts_kwh', amountMinor: 1000, pricePerKwh: '220', vatPercent: '5', feeMinor: 0, minPurchaseMinor: 100, maxPurchaseMinor: 500_000,
};

describe('priceSale (STS)', () => {
  it('buys the most energy that fits, and charges exactly its cost plus VAT', () => {
    const r = priceSale({ ...base, tenderedMinor: 1000 });
    // 4.3 kWh cost 946, VAT 5% = 47.3 -> 47: 993. 4.4 kWh would cost 968 + 48 = 1016 > 1000.
    expect(r.energyTenths).toBe(43);
    expect(r.valueMinor).toBe(946);
    expect(r.deductions).toEqual([{ kind: 'vat', label: expect.any(Object), amountMinor: 47 }]);
    expect(r.chargedMinor).toBe(993);
    expect(r.changeMinor).toBe(7);
  });

  it('rounds a fractional energy cost up to the minor unit (prices carry 4 decimals)', () => {
    const r = priceSale({ ...base, pricePerKwh: '300.5', vatPercent: '0', amountMinor: 1000 });
    // 3.3 kWh = 991.65 -> 992; 3.4 kWh = 1021.7 > 1000.
    expect(r.energyTenths).toBe(33);
    expect(r.valueMinor).toBe(992);
  });

  it('refuses amounts outside the purchase limits and a short payment', () => {
    expect(() => priceSale({ ...base, amountMinor: 99 })).toThrow(QuoteRefusal);
    expect(() => priceSale({ ...base, amountMinor: 500_001 })).toThrow(expect.objectContaining({ problem: 'AMOUNT_TOO_LARGE' }));
    expect(() => priceSale({ ...base, tenderedMinor: 992 })).toThrow(expect.objectContaining({ problem: 'TENDERED_TOO_LOW', limitMinor: 993 }));
    expect(() => priceSale({ ...base, amountMinor: 100, pricePerKwh: '5000' })).toThrow(expect.objectContaining({ problem: 'AMOUNT_TOO_SMALL' }));
  });

  it('never sells more energy than an STS token can carry exactly', () => {
    expect(stsEnergyFloor(16_383n)).toBe(16_383n);
    expect(stsEnergyFloor(16_389n)).toBe(16_384n);
    expect(stsEnergyFloor(180_223n)).toBe(180_214n);
    const r = priceSale({ ...base, amountMinor: 400_000, pricePerKwh: '20', vatPercent: '0', maxPurchaseMinor: 10_000_000 });
    expect(r.energyTenths).toBe(180_224 + 100 * 197); // 20 000 kWh is not a token value: 19 992.4 kWh is
    expect(decodeAmount(encodeAmount(r.energyTenths!))).toBe(r.energyTenths);
  });

  it('invariants hold for any amount, price, VAT and fee', () => {
    const price = fc.tuple(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 0, max: 9999 })).map(([w, f]) => `${w}.${String(f).padStart(4, '0')}`);
    const vat = fc.integer({ min: 0, max: 30 }).map(String);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), price, vat, fc.integer({ min: 0, max: 500 }), fc.constantFrom<'sts_kwh' | 'acrel_credit'>('sts_kwh', 'acrel_credit'), fc.integer({ min: 0, max: 1000 }),
        (amount, p, v, fee, product, extra) => {
          const input = { ...base, product, amountMinor: amount, pricePerKwh: p, vatPercent: v, feeMinor: fee, minPurchaseMinor: 1, maxPurchaseMinor: 10_000_000 };
          let r;
          try { r = priceSale(input); } catch (e) { expect(e).toBeInstanceOf(QuoteRefusal); return; }
          const deductions = r.deductions.reduce((s, d) => s + d.amountMinor, 0);
          expect(r.chargedMinor).toBe(r.valueMinor + deductions);
          expect(r.chargedMinor).toBeLessThanOrEqual(amount);
          expect(r.chargedMinor + r.changeMinor).toBe(r.tenderedMinor);
          for (const n of [r.chargedMinor, r.changeMinor, r.valueMinor, deductions]) expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
          if (product === 'sts_kwh') {
            const scaled = parsePrice(p); // 1e-4 minor per kWh
            const e = BigInt(r.energyTenths!);
            // the customer pays for exactly the energy on the token: cost = ceil(e * price)
            expect(BigInt(r.valueMinor) * 100_000n >= e * scaled).toBe(true);
            expect((BigInt(r.valueMinor) - 1n) * 100_000n < e * scaled).toBe(true);
          }
          expect(priceSale({ ...input, tenderedMinor: r.chargedMinor + extra }).changeMinor).toBe(extra);
          expect(priceSale(input)).toEqual(r); // identical inputs, identical quotes
        }),
      { numRuns: 2000 },
    );
  });
});

describe('priceSale (money credit)', () => {
  it('sends the largest credit that with VAT fits the amount, and estimates kWh', () => {
    const r = priceSale({ ...base, product: 'acrel_credit', amountMinor: 5000 });
    expect(r.valueMinor).toBe(4762); // 4762 + 238 VAT = 5000
    expect(r.chargedMinor).toBe(5000);
    expect(r.energyTenths).toBeNull();
    expect(r.estimatedEnergyTenths).toBe(216); // 4762 / 220 = 21.6 kWh
  });
});

// Deductions: a fee (per sale or the month's first), debt recovery as a % of the amount capped
// at the debt, and VAT on the energy. The invariants of the issue, property-tested together.
const priceArb = fc.tuple(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 0, max: 9999 })).map(([w, f]) => `${w}.${String(f).padStart(4, '0')}`);
const pctArb = (max: number) => fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 9999 })).map(([w, f]) => (w === max ? `${max}` : `${w}.${f}`));
const PCT = 1_000_000n; // percent x 1e4 -> fraction

describe('priceSale with fees, debt recovery and VAT', () => {
  it('takes the fee and the debt share before energy, and never more debt than is owed', () => {
    const r = priceSale({ ...base, amountMinor: 2000, feeMinor: 100, debtMinor: 150, debtRecoveryPercent: '10' });
    // 10% of 2000 = 200, capped at the 150 owed; 2000 - 100 - 150 = 1750 buys 7.5 kWh (1650 + VAT 83 = 1733).
    expect(r.deductions.map((d) => [d.kind, d.amountMinor])).toEqual([['fee', 100], ['debt', 150], ['vat', 83]]);
    expect(r.energyTenths).toBe(75);
    expect(r.chargedMinor).toBe(100 + 150 + 1650 + 83);
    expect(r.debt).toEqual({ beforeMinor: 150, recoveredMinor: 150, afterMinor: 0 });
    expect(r.deductions.every((d) => d.label.ar && d.label.en)).toBe(true);
  });

  it('labels a monthly fee as such, in both languages', () => {
    const r = priceSale({ ...base, feeMinor: 50, feeMode: 'first_of_month' });
    expect(r.deductions[0]!.label.en).toMatch(/first purchase this month/);
    expect(r.deductions[0]!.label.ar).toMatch(/أول شراء/);
  });

  it('invariants hold for any amount, price, VAT, fee, debt and recovery %', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }), priceArb, pctArb(30), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 100_000 }), pctArb(100),
        fc.constantFrom<'sts_kwh' | 'acrel_credit'>('sts_kwh', 'acrel_credit'), fc.integer({ min: 0, max: 1000 }),
        (amount, p, v, fee, debt, rec, product, extra) => {
          const input: PriceInput = { product, amountMinor: amount, tenderedMinor: amount + extra, pricePerKwh: p, vatPercent: v, feeMinor: fee, debtMinor: debt, debtRecoveryPercent: rec, minPurchaseMinor: 1, maxPurchaseMinor: 10_000_000 };
          let r;
          try { r = priceSale(input); } catch (e) { expect(e).toBeInstanceOf(QuoteRefusal); return; }
          const sum = (k: string) => r.deductions.filter((d) => d.kind === k).reduce((s, d) => s + d.amountMinor, 0);
          const all = r.deductions.reduce((s, d) => s + d.amountMinor, 0);
          // charged + change = tendered; deductions sum exactly; nothing negative, fractional or NaN
          expect(r.chargedMinor + r.changeMinor).toBe(r.tenderedMinor);
          expect(r.chargedMinor).toBe(r.valueMinor + all);
          expect(r.chargedMinor).toBeLessThanOrEqual(amount);
          for (const n of [r.chargedMinor, r.changeMinor, r.valueMinor, all, r.energyTenths ?? 0, r.estimatedEnergyTenths ?? 0]) expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
          // the fee as given; the debt share is exactly min(debt, floor(amount x %))
          expect(sum('fee')).toBe(fee);
          const share = (BigInt(amount) * (BigInt(rec.split('.')[0]!) * 10_000n + BigInt((rec.split('.')[1] ?? '').padEnd(4, '0')))) / PCT;
          expect(sum('debt')).toBe(Number(share < BigInt(debt) ? share : BigInt(debt)));
          expect(r.debt?.afterMinor ?? 0).toBe(debt - sum('debt'));
          const net = BigInt(amount - fee - sum('debt')); // what is left for energy and its VAT
          if (product === 'sts_kwh') {
            const e = BigInt(r.energyTenths!);
            const scaled = parsePrice(p); // 1e-4 minor per kWh; energy is in 0.1 kWh
            // energy x price <= net (the customer pays for every tenth on the token) ...
            expect(e * scaled <= BigInt(r.valueMinor) * 100_000n).toBe(true);
            expect(e * scaled <= net * 100_000n).toBe(true);
            // ... and with no VAT, one more tenth would not fit: net < (energy + 0.1 kWh) x price
            if (v === '0' && e < 16_383n) expect(net * 100_000n < (e + 1n) * scaled).toBe(true);
          }
          expect(priceSale(input)).toEqual(r); // identical inputs, identical quotes
        }),
      { numRuns: 2000 },
    );
  });
});
