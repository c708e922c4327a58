// Vend by units through the contract: the customer asks for kWh, the quote finds the money;
// exactly one of amount and energy must be given, and a retried sale by units is one sale.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../../sim/demo-data';
import { startHarness, type Harness } from '../../helpers/harness';
import { confirmationOf } from '../../helpers/confirm';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ app: { now: () => new Date('2026-11-22T07:00:00.000Z') } }); // Standard, 220/kWh, VAT 5%
  await h.login();
});
afterEach(async () => h.close());
const sts = DEMO_STS_METERS[0]!.number;

describe('vend by units', () => {
  it('quotes 10 kWh as 2200 + VAT 110 and sells exactly that token', async () => {
    const q = await h.call('sales.quote', { meterNumber: sts, energyTenths: 100 });
    expect(q).toMatchObject({ energyTenths: 100, valueMinor: 2200, amountMinor: 2310, chargedMinor: 2310, requestedEnergyTenths: 100 });
    const saleId = crypto.randomUUID();
    const confirmed = confirmationOf(q); // what the cashier was shown
    const sale = await h.call('sales.sell', { saleId, meterNumber: sts, energyTenths: 100, tenderedMinor: 2500, paymentMethod: 'cash', confirmed });
    expect(sale).toMatchObject({ status: 'issued', energyTenths: 100, chargedMinor: 2310, changeMinor: 190 });
    const again = await h.call('sales.sell', { saleId, meterNumber: sts, energyTenths: 100, tenderedMinor: 2500, paymentMethod: 'cash', confirmed });
    expect(again.id).toBe(sale.id);
    expect(await h.raw('sales.sell', { saleId, meterNumber: sts, energyTenths: 101, tenderedMinor: 2500, paymentMethod: 'cash', confirmed })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(h.sims.sts.chargesByKey.size).toBe(1);
  });

  it('gives a cloud meter the credit worth that energy, and refuses a short payment', async () => {
    const q = await h.call('sales.quote', { meterNumber: DEMO_ACREL_METERS[0]!.number, energyTenths: 100 });
    expect(q).toMatchObject({ valueMinor: 2200, chargedMinor: 2310, estimatedEnergyTenths: 100 });
    expect(await h.raw('sales.sell', { meterNumber: DEMO_ACREL_METERS[0]!.number, energyTenths: 100, tenderedMinor: 2000, paymentMethod: 'cash', confirmed: confirmationOf(q) }))
      .toMatchObject({ ok: false, error: { code: 'TENDERED_TOO_LOW', message: { ar: expect.stringContaining('2310') } } });
  });

  it('wants exactly one of amount and energy, bilingually', async () => {
    for (const input of [{ meterNumber: sts }, { meterNumber: sts, amountMinor: 1000, energyTenths: 10 }]) {
      const r = await h.raw('sales.quote', input);
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: { en: expect.stringContaining('exactly one'), ar: expect.stringContaining('الطلب غير صالح') } } });
    }
    expect(await h.raw('sales.quote', { meterNumber: sts, energyTenths: 0 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await h.raw('sales.quote', { meterNumber: sts, energyTenths: 1.5 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
