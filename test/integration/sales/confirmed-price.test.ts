// Issue 12, item 6: the price the cashier saw is the price sold. sales.sell carries the figures of
// the quote the cashier confirmed; if pricing at the moment of sale differs (a tariff boundary, a
// new schedule version, a changed VAT) the sale is refused with PRICE_CHANGED before anything is
// written, and the refusal carries the new quote for the cashier to confirm again.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpcError } from '../../../preload/contract';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../../sim/demo-data';
import { confirmationOf } from '../../helpers/confirm';
import { startHarness, type Harness } from '../../helpers/harness';

let h: Harness;
// RES-TOU in Aden (UTC+3): Standard 07:00-17:00 at 220/kWh, Peak 17:00-23:00 at 300.5/kWh.
const BEFORE_PEAK = new Date('2026-11-22T13:59:59.000Z'); // 16:59:59 local
const IN_PEAK = new Date('2026-11-22T14:00:01.000Z'); // 17:00:01 local
let clock = BEFORE_PEAK;
beforeEach(async () => {
  clock = BEFORE_PEAK;
  h = await startHarness({ app: { now: () => clock } });
  await h.login();
});
afterEach(async () => h.close());

const sts = DEMO_STS_METERS[0]!.number;
const count = (sql: string) => (h.app.db.read.prepare(sql).get() as { n: number }).n;
const nothingWritten = () => {
  expect(count('SELECT COUNT(*) AS n FROM sales')).toBe(0);
  expect(count('SELECT COUNT(*) AS n FROM outbox')).toBe(0);
  expect(count(`SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'sale.%'`)).toBe(0);
  expect(h.sims.sts.chargesByKey.size).toBe(0);
};
async function refusal(input: unknown): Promise<RpcError> {
  const r = await h.raw('sales.sell', input);
  if (r.ok) throw new Error('the sale should have been refused');
  return r.error;
}

describe('the price the cashier saw is the price sold', () => {
  it('refuses a quote confirmed at 16:59:59 and sold at 17:00:01, writes nothing, and carries the new quote', async () => {
    const seen = await h.call('sales.quote', { meterNumber: sts, amountMinor: 1000 });
    expect(seen.tariff).toMatchObject({ periodName: { en: 'Standard' }, pricePerKwh: '220' });
    clock = IN_PEAK;
    const sale = { saleId: randomUUID(), meterNumber: sts, amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' as const };
    const e = await refusal({ ...sale, confirmed: confirmationOf(seen) });
    expect(e).toMatchObject({
      code: 'PRICE_CHANGED',
      message: { en: expect.stringMatching(/price changed.*Peak.*confirm the new price/i), ar: expect.stringMatching(/تغيّر السعر.*أكّد السعر الجديد/) },
      quote: { meterNumber: sts, amountMinor: 1000, tariff: { periodName: { en: 'Peak' }, pricePerKwh: '300.5' } },
    });
    nothingWritten();
    // The same sale id was not used up: the cashier confirms the new price and it sells at it.
    const now = e.quote!;
    expect(now.energyTenths).toBeLessThan(seen.energyTenths!);
    const sold = await h.call('sales.sell', { ...sale, confirmed: confirmationOf(now) });
    expect(sold).toMatchObject({ id: sale.saleId, status: 'issued', energyTenths: now.energyTenths, chargedMinor: now.chargedMinor, tariff: { pricePerKwh: '300.5' } });
  });

  it('sells a matching confirmation, and a replay of that sale returns it even after the price changed', async () => {
    const seen = await h.call('sales.quote', { meterNumber: sts, amountMinor: 1000 });
    const input = { saleId: randomUUID(), meterNumber: sts, amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' as const, confirmed: confirmationOf(seen) };
    const sold = await h.call('sales.sell', input);
    expect(sold).toMatchObject({ status: 'issued', energyTenths: seen.energyTenths, chargedMinor: seen.chargedMinor, tariff: { pricePerKwh: '220' } });
    clock = IN_PEAK;
    expect((await h.call('sales.sell', input)).id).toBe(sold.id);
    expect(count('SELECT COUNT(*) AS n FROM sales')).toBe(1);
  });

  it('refuses when a new schedule version takes effect between the quote and the sale', async () => {
    const seen = await h.call('sales.quote', { meterNumber: sts, amountMinor: 1000 });
    await h.login('supervisor', '2222');
    const v2 = await h.call('tariffs.createVersion', {
      code: 'RES-TOU', name: { ar: 'سكني', en: 'Residential' }, maxPurchaseMinor: 500_000, minPurchaseMinor: 100, vatPercent: '5',
      periods: [{ name: { ar: 'طوال اليوم', en: 'All day' }, start: '00:00', end: '24:00', pricePerKwh: '220' }],
    });
    await h.login();
    const e = await refusal({ meterNumber: sts, amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash', confirmed: confirmationOf(seen) });
    // Same price per kWh, but another schedule and period than the cashier was shown.
    expect(e).toMatchObject({ code: 'PRICE_CHANGED', quote: { tariff: { scheduleId: v2.id, periodName: { en: 'All day' } } } });
    nothingWritten();
  });

  it('by kWh: a changed VAT changes the money; even a tender that no longer covers it is told the price changed', async () => {
    const seen = await h.call('sales.quote', { meterNumber: sts, energyTenths: 100 });
    expect(seen.chargedMinor).toBe(2310); // 10 kWh at 220 + VAT 5%
    await h.login('supervisor', '2222');
    await h.call('tariffs.createVersion', {
      code: 'RES-TOU', name: { ar: 'سكني', en: 'Residential' }, maxPurchaseMinor: 500_000, minPurchaseMinor: 100, vatPercent: '15',
      periods: [
        { name: { ar: 'ليل', en: 'Night' }, start: '23:00', end: '07:00', pricePerKwh: '150' },
        { name: { ar: 'عادي', en: 'Standard' }, start: '07:00', end: '17:00', pricePerKwh: '220' },
        { name: { ar: 'ذروة', en: 'Peak' }, start: '17:00', end: '23:00', pricePerKwh: '300.5' },
      ],
    });
    await h.login();
    const e = await refusal({ meterNumber: sts, energyTenths: 100, tenderedMinor: 2310, paymentMethod: 'cash', confirmed: confirmationOf(seen) });
    expect(e).toMatchObject({ code: 'PRICE_CHANGED', quote: { energyTenths: 100, chargedMinor: 2530 } });
    expect(e.message.en).toContain('2530');
    nothingWritten();
  });

  it('an account payment is not refused at a tariff boundary: its money does not depend on the price', async () => {
    const postpaid = DEMO_ACREL_METERS.find((m) => m.paymentMode === 'postpaid')!.number;
    const seen = await h.call('sales.quote', { meterNumber: postpaid, amountMinor: 20_000 });
    expect(seen).toMatchObject({ kind: 'settlement', tariff: { periodName: { en: 'Standard' } } });
    clock = IN_PEAK;
    const paid = await h.call('sales.sell', { meterNumber: postpaid, amountMinor: 20_000, tenderedMinor: 20_000, paymentMethod: 'cash', confirmed: confirmationOf(seen) });
    expect(paid).toMatchObject({ status: 'issued', kind: 'settlement', chargedMinor: seen.chargedMinor });
  });

  it('refuses a sale without the confirmation, in both languages', async () => {
    const e = await refusal({ meterNumber: sts, amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' });
    expect(e).toMatchObject({ code: 'BAD_INPUT', message: { en: expect.stringContaining('confirmed'), ar: expect.stringContaining('الطلب غير صالح') } });
    nothingWritten();
  });
});
