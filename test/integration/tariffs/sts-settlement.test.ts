// STS meters in postpaid and credit mode: the mode reaches the STS cloud as a recorded command; a
// payment settles the account through sales.sell with no token and no vendor charge, and prints
// the account-payment receipt; in credit mode the debt reaching the limit disconnects the meter.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import { decodeEscPos, textLines } from '../../helpers/escpos-decode';
import { startHarness, type Harness } from '../../helpers/harness';
import { creditLimitTenths } from '../../../main/tariffs/pricing/settlement';
import { commandKinds, waitDone } from './commands';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.sims.clock.freeze();
  await h.login('supervisor', '2222');
});
afterEach(async () => h.close());

const sts = DEMO_STS_METERS[0]!.number;
const printedText = (job: Buffer) => textLines(decodeEscPos(job)).map((l) => l.text.trim()).join('\n');

describe('STS postpaid', () => {
  it('settles the debt through sales.sell: no token, no charge at the vendor, the account-payment receipt', async () => {
    expect(await h.call('meters.setPaymentMode', { meterNumber: sts, mode: 'postpaid' })).toMatchObject({ kind: 'sts', paymentMode: 'postpaid', pendingCommands: ['set_postpaid_mode'] });
    await waitDone(h, sts, 'set_postpaid_mode');
    expect(h.sims.sts.meters.state(sts).mode).toBe('postpaid');
    await h.call('meters.adjustDebt', { meterNumber: sts, deltaMinor: 5_000, reason: 'bill for October' });
    // English receipts: every line is printer text the decoder can read back (Arabic is a raster).
    const { settings } = await h.call('printer.settings', {});
    await h.call('printer.saveSettings', { ...settings, language: 'en' });

    await h.login('cashier', '1111');
    expect(await h.raw('sales.quote', { meterNumber: sts, energyTenths: 100 })).toMatchObject({ ok: false, error: { code: 'WRONG_PAYMENT_MODE', message: { ar: expect.any(String) } } });
    const sale = await h.call('sales.sell', await h.confirmed({ meterNumber: sts, amountMinor: 3_000, tenderedMinor: 4_000, paymentMethod: 'cash' }));
    expect(sale).toMatchObject({
      status: 'issued', product: 'settlement', kind: 'settlement', token: null, energyTenths: null, estimatedEnergyTenths: null,
      chargedMinor: 3_000, changeMinor: 1_000, debt: { beforeMinor: 5_000, recoveredMinor: 3_000, afterMinor: 2_000 },
    });
    expect(h.sims.sts.chargesByKey.size).toBe(0);
    expect(h.app.db.read.prepare('SELECT product, token, status FROM sales WHERE id = ?').get(sale.id)).toEqual({ product: 'settlement', token: null, status: 'issued' });

    const [job] = await h.sims.printer.waitForJobs(1, 5_000);
    const text = printedText(job!);
    for (const words of ['Account payment', 'Debt before', 'Paid', 'Debt after', 'There is no token for this payment']) expect(text).toContain(words);
    expect(text).toMatch(/Debt before.*5,?000/);
    expect(text).toMatch(/Paid.*3,?000/);
    expect(text).toMatch(/Debt after.*2,?000/);
    expect(text).not.toContain('STS TOKEN');
    expect(text).not.toContain('Energy');
    expect(text).not.toContain('Price per kWh');

    await h.login('supervisor', '2222');
    expect((await h.call('meters.creditInfo', { meterNumber: sts })).debtMinor).toBe(2_000);
  });
});

describe('STS credit mode', () => {
  it('gives the STS cloud its limit in kWh at the price now, and disconnects the meter when the debt reaches the limit', async () => {
    const price = (await h.call('tariffs.priceNow', { code: 'RES-TOU' })).now!.pricePerKwh;
    await h.call('meters.setPaymentMode', { meterNumber: sts, mode: 'credit', creditLimitMinor: 2_200 });
    await waitDone(h, sts, 'set_credit_limit');
    expect(h.sims.sts.meters.state(sts)).toMatchObject({ mode: 'credit', creditLimit: creditLimitTenths(2_200, price) });
    const cloud = await h.call('meters.creditInfo', { meterNumber: sts });
    expect(cloud.cloud).toMatchObject({ mode: 'credit', creditLimitTenths: creditLimitTenths(2_200, price), creditLimitMinor: null });
    expect(cloud.disagreements).toEqual([]);

    expect((await h.call('meters.adjustDebt', { meterNumber: sts, deltaMinor: 2_200, reason: 'consumption on credit' })).supply).toBe('off');
    await waitDone(h, sts, 'disconnect');
    expect(h.sims.sts.meters.state(sts).relay).toBe('disconnected');

    await h.login('cashier', '1111');
    const sale = await h.call('sales.sell', await h.confirmed({ meterNumber: sts, amountMinor: 500, tenderedMinor: 500, paymentMethod: 'cash' }));
    expect(sale).toMatchObject({ product: 'settlement', token: null, debt: { afterMinor: 1_700 } });
    await h.login('supervisor', '2222');
    await waitDone(h, sts, 'reconnect');
    expect(commandKinds(h, sts)).toEqual(['set_credit_limit', 'disconnect', 'reconnect']);
    expect(h.sims.sts.meters.state(sts).relay).not.toBe('disconnected');
  });
});
