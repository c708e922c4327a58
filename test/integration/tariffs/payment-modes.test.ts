// Payment modes per meter, against the simulated clouds: a postpaid payment settles the account
// (no token, no credit sent); a mode change is a recorded command that reaches the cloud; credit
// mode cuts supply when the debt reaches the limit and restores it when a payment brings it back
// under, as recorded, polled commands in order; debt recovery on prepaid sales.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../../sim/demo-data';
import { DEMO_POSTPAID_DEBT_MINOR } from '../../../scripts/seed-demo';
import { eventually, startHarness, type Harness } from '../../helpers/harness';
import { commandKinds, commandStatus, waitDone } from './commands';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.sims.clock.freeze();
  await h.login('supervisor', '2222');
});
afterEach(async () => h.close());

const acrel = DEMO_ACREL_METERS[0]!.number;
const postpaid = DEMO_ACREL_METERS.find((m) => m.paymentMode === 'postpaid')!.number;
const sts = DEMO_STS_METERS[0]!.number;
const sell = async (meterNumber: string, amountMinor: number, tenderedMinor = amountMinor) => h.call('sales.sell', await h.confirmed({ meterNumber, amountMinor, tenderedMinor, paymentMethod: 'cash' }));

describe('postpaid', () => {
  it('a payment settles the account: no token, no credit to the meter, the debt goes down in the same transaction', async () => {
    expect(await h.call('meters.creditInfo', { meterNumber: postpaid })).toMatchObject({ paymentMode: 'postpaid', debtMinor: DEMO_POSTPAID_DEBT_MINOR });
    await h.login('cashier', '1111');
    const q = await h.call('sales.quote', { meterNumber: postpaid, amountMinor: 50_000, tenderedMinor: 50_000 });
    expect(q).toMatchObject({ kind: 'settlement', product: 'settlement', chargedMinor: DEMO_POSTPAID_DEBT_MINOR, changeMinor: 5_000, energyTenths: null, deductions: [] });
    const sale = await sell(postpaid, 20_000);
    expect(sale).toMatchObject({ status: 'issued', product: 'settlement', kind: 'settlement', token: null, debt: { beforeMinor: 45_000, recoveredMinor: 20_000, afterMinor: 25_000 } });
    expect(h.sims.acrel.rechargesByKey.has(sale.id)).toBe(false); // postpaid: the cloud is not paid into
    await h.login('supervisor', '2222');
    expect((await h.call('meters.creditInfo', { meterNumber: postpaid })).debtMinor).toBe(25_000);
    await eventually(() => h.sims.headOffice.receivedCount(sale.id) === 1, 10_000, 'the settlement to reach the head office');
  });

  it('records a debt adjustment once when it is sent again after a lost answer', async () => {
    const once = { meterNumber: postpaid, deltaMinor: 1_000, reason: 'meter reading, November', requestId: crypto.randomUUID() };
    expect((await h.call('meters.adjustDebt', once)).debtMinor).toBe(46_000);
    expect((await h.call('meters.adjustDebt', once)).debtMinor).toBe(46_000);
  });

  it('refuses a payment when nothing is owed, and a payment in kWh, bilingually', async () => {
    await h.call('meters.adjustDebt', { meterNumber: postpaid, deltaMinor: -DEMO_POSTPAID_DEBT_MINOR, reason: 'bill paid at the bank' });
    await h.login('cashier', '1111');
    expect(await h.raw('sales.quote', { meterNumber: postpaid, amountMinor: 1000 })).toMatchObject({ ok: false, error: { code: 'NOTHING_OWED', message: { ar: expect.stringContaining('لا يوجد'), en: expect.any(String) } } });
    expect(await h.raw('sales.quote', { meterNumber: postpaid, energyTenths: 100 })).toMatchObject({ ok: false, error: { code: 'WRONG_PAYMENT_MODE', message: { ar: expect.stringContaining('الدفعة تسدد الحساب') } } });
  });
});

describe('credit mode (Acrel)', () => {
  it('the mode reaches the cloud; the limit cuts supply, a payment pays the cloud and reconnects, all recorded and done at the meter', async () => {
    const info = await h.call('meters.setPaymentMode', { meterNumber: acrel, mode: 'credit', creditLimitMinor: 10_000, depositMinor: 20_000 });
    expect(info).toMatchObject({ paymentMode: 'credit', creditLimitMinor: 10_000, depositMinor: 20_000, availableMinor: 10_000, supply: 'on', pendingCommands: ['set_credit_limit'] });
    await waitDone(h, acrel, 'set_credit_limit');
    expect(h.sims.acrel.meters.paymentMode(acrel)).toBe('credit');
    expect(h.sims.acrel.meters.state(acrel).creditLimit).toBe(10_000);
    // The counter and the cloud agree: same mode, same limit, nothing owed.
    expect(await h.call('meters.creditInfo', { meterNumber: acrel })).toMatchObject({ cloud: { mode: 'credit', creditLimitMinor: 10_000, usedCreditMinor: 0 }, disagreements: [], cloudNote: null });

    expect((await h.call('meters.adjustDebt', { meterNumber: acrel, deltaMinor: 9_999, reason: 'consumption on credit, November' })).supply).toBe('on');
    const cut = await h.call('meters.adjustDebt', { meterNumber: acrel, deltaMinor: 1, reason: 'consumption on credit, November' });
    expect(cut).toMatchObject({ supply: 'off', availableMinor: 0, debtMinor: 10_000, pendingCommands: ['disconnect'] });
    await waitDone(h, acrel, 'disconnect');
    expect(h.sims.acrel.meters.state(acrel).relay).toBe('disconnected');
    const [disconnect] = await h.call('meters.commands', { meterNumber: acrel, limit: 1 });
    expect(disconnect).toMatchObject({ kind: 'disconnect', status: 'done', reason: 'credit limit reached', requestedBy: 'supervisor', vendorCommandId: expect.any(String) });

    await h.login('cashier', '1111');
    const before = h.sims.acrel.meters.balanceMinor(acrel);
    const sale = await sell(acrel, 3_000);
    expect(sale).toMatchObject({ status: 'issued', product: 'settlement', token: null, debt: { beforeMinor: 10_000, recoveredMinor: 3_000, afterMinor: 7_000 } });
    await h.login('supervisor', '2222');
    await waitDone(h, acrel, 'reconnect');
    expect(h.sims.acrel.rechargesByKey.get(sale.id)).toMatchObject({ amountMinor: 3_000, idempotencyKey: sale.id });
    expect(h.sims.acrel.meters.balanceMinor(acrel)).toBe(before + 3_000);
    expect(h.sims.acrel.meters.state(acrel).relay).toBe('on');
    // The payment reached the cloud before the reconnect: one meter, one order.
    const order = h.app.db.read.prepare(`SELECT topic FROM outbox WHERE order_key = ? AND topic <> 'metercmd.poll' ORDER BY delivered_at, id`).all(`meter:${acrel}`) as { topic: string }[];
    expect(order.map((r) => r.topic)).toEqual(['metercmd.set_credit_limit', 'metercmd.disconnect', 'acrel.settle', 'metercmd.reconnect']);
    expect(await h.call('meters.creditInfo', { meterNumber: acrel })).toMatchObject({ supply: 'on', debtMinor: 7_000, availableMinor: 3_000, pendingCommands: [] });
  });

  it('commands wait for the cloud: offline they stay queued for the meter, in order, and are delivered once it is back', async () => {
    await h.sims.acrel.setFaults({ offline: true });
    await h.call('meters.setPaymentMode', { meterNumber: acrel, mode: 'credit', creditLimitMinor: 500 });
    await h.call('meters.adjustDebt', { meterNumber: acrel, deltaMinor: 600, reason: 'consumption on credit' });
    await h.call('meters.adjustDebt', { meterNumber: acrel, deltaMinor: -200, reason: 'paid at the office' });
    const offline = await h.call('meters.creditInfo', { meterNumber: acrel });
    expect(offline).toMatchObject({ pendingCommands: ['set_credit_limit', 'disconnect', 'reconnect'], cloud: null, disagreements: [], debtMinor: 400 });
    expect(offline.cloudNote).toMatchObject({ en: expect.stringContaining("counter's own record"), ar: expect.stringContaining('سجل نقطة البيع') });
    await h.sims.acrel.setFaults({});
    await h.call('sync.now', {});
    await waitDone(h, acrel, 'reconnect');
    await waitDone(h, acrel, 'disconnect');
    expect(commandKinds(h, acrel)).toEqual(['set_credit_limit', 'disconnect', 'reconnect']);
    expect(commandStatus(h, acrel)).toEqual(['done', 'done', 'done']);
    expect(h.sims.acrel.meters.state(acrel).relay).toBe('on');
  });

  it('leaving credit mode while supply is cut restores it and tells the cloud the new mode', async () => {
    await h.call('meters.setPaymentMode', { meterNumber: acrel, mode: 'credit', creditLimitMinor: 1_000 });
    expect((await h.call('meters.adjustDebt', { meterNumber: acrel, deltaMinor: 1_000, reason: 'consumption on credit' })).supply).toBe('off');
    const info = await h.call('meters.setPaymentMode', { meterNumber: acrel, mode: 'prepaid' });
    expect(info).toMatchObject({ paymentMode: 'prepaid', supply: 'on', creditLimitMinor: null, availableMinor: null });
    await waitDone(h, acrel, 'reconnect');
    expect(commandKinds(h, acrel)).toEqual(['set_credit_limit', 'disconnect', 'set_prepaid_mode', 'reconnect']);
    expect(h.sims.acrel.meters.paymentMode(acrel)).toBe('prepaid');
  });

  it('names where the counter and the cloud disagree', async () => {
    await h.call('meters.setPaymentMode', { meterNumber: acrel, mode: 'credit', creditLimitMinor: 5_000 });
    await waitDone(h, acrel, 'set_credit_limit');
    await h.call('meters.adjustDebt', { meterNumber: acrel, deltaMinor: 700, reason: 'consumption on credit' });
    const info = await h.call('meters.creditInfo', { meterNumber: acrel });
    expect(info.cloud).toMatchObject({ mode: 'credit', creditLimitMinor: 5_000, creditLimitTenths: null, usedCreditMinor: 0 });
    expect(info.disagreements).toEqual([{ en: 'Credit in use: the counter records a debt of 700 YER, the cloud 0 YER.', ar: 'الائتمان المستخدم: تسجل نقطة البيع ديناً قدره 700 YER، والمنصة 0 YER.' }]);
  });

  it('refuses credit without a limit and a negative debt; is for supervisors', async () => {
    expect(await h.raw('meters.setPaymentMode', { meterNumber: acrel, mode: 'credit' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: { ar: expect.stringContaining('الطلب غير صالح') } } });
    expect(await h.raw('meters.adjustDebt', { meterNumber: acrel, deltaMinor: -1, reason: 'oops' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: { ar: expect.stringContaining('سالباً') } } });
    expect(await h.raw('meters.creditInfo', { meterNumber: '202499999999' })).toMatchObject({ ok: false, error: { code: 'METER_NOT_FOUND' } });
    await h.login('cashier', '1111');
    for (const [c, i] of [['meters.creditInfo', { meterNumber: acrel }], ['meters.setPaymentMode', { meterNumber: acrel, mode: 'prepaid' }],
      ['meters.adjustDebt', { meterNumber: acrel, deltaMinor: 5, reason: 'test' }], ['meters.setLimits', { meterNumber: acrel, minPurchaseMinor: null, maxPurchaseMinor: null }]] as const) {
      expect(await h.raw(c, i)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('prepaid with debt, and per-meter purchase limits', () => {
  it('recovers the tariff % of each purchase up to the debt, in the paid transaction', async () => {
    await h.call('tariffs.assign', { scheduleCode: 'COM-FLAT', meterNumbers: [sts] }); // 10% debt recovery
    await h.call('meters.adjustDebt', { meterNumber: sts, deltaMinor: 700, reason: 'arrears from the old meter' });
    await h.login('cashier', '1111');
    const sale = await sell(sts, 5_000);
    expect(sale.deductions.find((d) => d.kind === 'debt')).toMatchObject({ amountMinor: 500, label: { ar: expect.stringContaining('دين'), en: 'Debt recovery 10%' } });
    expect(sale.debt).toEqual({ beforeMinor: 700, recoveredMinor: 500, afterMinor: 200 });
    const next = await h.call('sales.quote', { meterNumber: sts, amountMinor: 5_000 });
    expect(next.deductions.find((d) => d.kind === 'debt')?.amountMinor).toBe(200); // capped at what is still owed
    await h.login('supervisor', '2222');
    expect((await h.call('meters.creditInfo', { meterNumber: sts })).debtMinor).toBe(200);
  });

  it('a meter limit overrides the tariff limit', async () => {
    await h.call('meters.setLimits', { meterNumber: sts, minPurchaseMinor: 2_000, maxPurchaseMinor: 3_000 });
    await h.login('cashier', '1111');
    expect(await h.raw('sales.quote', { meterNumber: sts, amountMinor: 1_000 })).toMatchObject({ ok: false, error: { code: 'AMOUNT_TOO_SMALL', message: { en: expect.stringContaining('2000') } } });
    expect(await h.raw('sales.quote', { meterNumber: sts, amountMinor: 3_001 })).toMatchObject({ ok: false, error: { code: 'AMOUNT_TOO_LARGE', message: { ar: expect.stringContaining('3000') } } });
    expect((await h.call('sales.quote', { meterNumber: sts, amountMinor: 2_500 })).amountMinor).toBe(2_500);
    await h.login('supervisor', '2222');
    expect(await h.raw('meters.setLimits', { meterNumber: sts, minPurchaseMinor: 5, maxPurchaseMinor: 4 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
