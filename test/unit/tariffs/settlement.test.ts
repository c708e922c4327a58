// Account payments (postpaid/credit): the settlement price, the STS credit limit in kWh, where the
// counter and the cloud disagree, and the account-payment receipt (no token, the debt instead).
import fc from 'fast-check';
import { formatMinor } from '../../../main/common/money';
import { describe, expect, it } from 'vitest';
import type { Sale } from '../../../preload/contract';
import { buildReceipt, type Block, type KeyValueBlock, type TextBlock } from '../../../main/printing';
import { creditLimitTenths, priceSettlement } from '../../../main/tariffs/pricing/settlement';
import { parsePrice, PRICE_SCALE } from '../../../main/tariffs/pricing/decimal';
import { creditDisagreements } from '../../../main/meters/credit-compare';
import { context, stsSale } from '../../helpers/escpos-fixtures';

describe('priceSettlement', () => {
  it('pays at most the debt: the rest is change; charged + change = tendered', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (debt, amount, extra) => {
      const charged = Math.min(amount, debt);
      const r = priceSettlement({ amountMinor: amount, tenderedMinor: charged + extra, debtMinor: debt });
      expect(r.chargedMinor + r.changeMinor).toBe(r.tenderedMinor);
      expect(r.debt).toEqual({ beforeMinor: debt, recoveredMinor: charged, afterMinor: debt - charged });
    }));
  });
});

describe('creditLimitTenths', () => {
  it('is the most energy the limit pays for at the price, rounded down', () => {
    expect(creditLimitTenths(2_200, '220')).toBe(100);
    expect(creditLimitTenths(2_199, '220')).toBe(99);
    expect(creditLimitTenths(1_000, '300.5')).toBe(33);
    expect(creditLimitTenths(1_000, '0')).toBeNull();
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 9_999_999 }), (limit, scaled) => {
      const price = `${Math.floor(scaled / 10_000)}.${String(scaled % 10_000).padStart(4, '0')}`;
      const t = BigInt(creditLimitTenths(limit, price)!);
      const p = parsePrice(price);
      expect(t * p <= BigInt(limit) * 10n * PRICE_SCALE).toBe(true);
      expect((t + 1n) * p > BigInt(limit) * 10n * PRICE_SCALE).toBe(true);
    }));
  });
});

describe('creditDisagreements', () => {
  const money = (m: number) => `${formatMinor(m, 2)} SAR`;
  const cloud = { mode: 'credit' as const, creditLimitMinor: 5_000, creditLimitTenths: null, balanceMinor: -700, balanceTenths: null, usedCreditMinor: 700, usedCreditTenths: null, readAt: '2026-01-01T00:00:00.000Z' };
  it('is empty when they agree', () => {
    expect(creditDisagreements({ kind: 'acrel', paymentMode: 'credit', creditLimitMinor: 5_000, debtMinor: 700 }, cloud, money)).toEqual([]);
  });
  it('names the mode, the limit and the credit in use, in both languages', () => {
    expect(creditDisagreements({ kind: 'acrel', paymentMode: 'credit', creditLimitMinor: 6_000, debtMinor: 0 }, cloud, money).map((d) => d.en)).toEqual([
      'Credit limit: the counter has 60.00 SAR, the cloud has 50.00 SAR.',
      'Credit in use: the counter records a debt of 0.00 SAR, the cloud 7.00 SAR.',
    ]);
    const [mode] = creditDisagreements({ kind: 'sts', paymentMode: 'postpaid', creditLimitMinor: null, debtMinor: 0 }, { ...cloud, mode: 'prepaid' }, money);
    expect(mode).toEqual({ en: 'Payment mode: the counter has postpaid, the cloud has prepaid.', ar: 'وضع الدفع: لدى نقطة البيع دفع آجل، ولدى المنصة دفع مسبق.' });
  });
});

describe('the account-payment receipt', () => {
  const sale: Sale = {
    ...stsSale, product: 'settlement', kind: 'settlement', paymentMode: 'postpaid', token: null, tokenSource: null, vendorRef: null,
    deductions: [], energyTenths: null, estimatedEnergyTenths: null, amountMinor: 3_000, valueMinor: 3_000, chargedMinor: 3_000, tenderedMinor: 5_000, changeMinor: 2_000,
    debt: { beforeMinor: 4_500, recoveredMinor: 3_000, afterMinor: 1_500 },
  };
  const kv = (blocks: Block[], en: string) => blocks.find((b): b is KeyValueBlock => b.kind === 'keyValue' && b.label.en === en);
  it('shows the debt before, paid and after; no token, no energy, no price', () => {
    const r = buildReceipt(sale, context('both'), { copy: false });
    expect(kv(r.blocks, 'Product')?.value).toEqual({ ar: 'سداد حساب', en: 'Account payment' });
    expect(kv(r.blocks, 'Debt before')?.value).toBe('45.00 SAR');
    expect(kv(r.blocks, 'Paid')).toMatchObject({ value: '30.00 SAR', bold: true });
    expect(kv(r.blocks, 'Debt after')?.value).toBe('15.00 SAR');
    for (const gone of ['Energy', 'Energy value', 'Credit', 'Price per kWh', 'Period']) expect(kv(r.blocks, gone)).toBeUndefined();
    expect(r.blocks.some((b) => b.kind === 'token')).toBe(false);
    const texts = r.blocks.filter((b): b is TextBlock => b.kind === 'text').map((b) => b.text);
    expect(texts).toContain('The payment has been applied to the meter account. There is no token for this payment.');
    expect(texts).toContain('تم سداد المبلغ في حساب العداد. لا يوجد رمز شحن لهذه العملية.');
  });
});
