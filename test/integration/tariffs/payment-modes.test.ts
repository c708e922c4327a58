// Payment modes per meter: a postpaid payment settles the account (no token, no credit sent);
// credit mode cuts supply when the debt reaches the limit and restores it when a payment brings
// it back under, both as outbox messages delivered in order; debt recovery on prepaid sales.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../../sim/demo-data';
import { DEMO_POSTPAID_DEBT_MINOR } from '../../../scripts/seed-demo';
import { eventually, startHarness, type Harness } from '../../helpers/harness';
import { fakeMeterPort, type FakePort } from './fake-port';

let h: Harness;
let port: FakePort;
beforeEach(async () => {
  port = fakeMeterPort();
  h = await startHarness({ app: { meterCommands: port } });
  await h.login('supervisor', '2222');
});
afterEach(async () => h.close());

const acrel = DEMO_ACREL_METERS[0]!.number;
const postpaid = DEMO_ACREL_METERS.find((m) => m.paymentMode === 'postpaid')!.number;
const sts = DEMO_STS_METERS[0]!.number;
const sell = (meterNumber: string, amountMinor: number, tenderedMinor = amountMinor) => h.call('sales.sell', { meterNumber, amountMinor, tenderedMinor, paymentMethod: 'cash' });

describe('postpaid', () => {
  it('a payment settles the account: no token, no credit to the meter, the debt goes down in the same transaction', async () => {
    expect(await h.call('meters.creditInfo', { meterNumber: postpaid })).toMatchObject({ paymentMode: 'postpaid', debtMinor: DEMO_POSTPAID_DEBT_MINOR });
    await h.login('cashier', '1111');
    const q = await h.call('sales.quote', { meterNumber: postpaid, amountMinor: 50_000, tenderedMinor: 50_000 });
    expect(q).toMatchObject({ kind: 'settlement', chargedMinor: DEMO_POSTPAID_DEBT_MINOR, changeMinor: 5_000, energyTenths: null, deductions: [] });
    const sale = await sell(postpaid, 20_000);
    expect(sale).toMatchObject({ status: 'issued', kind: 'settlement', token: null, debt: { beforeMinor: 45_000, recoveredMinor: 20_000, afterMinor: 25_000 } });
    expect(h.sims.acrel.rechargesByKey.has(sale.id)).toBe(false);
    await h.login('supervisor', '2222');
    expect((await h.call('meters.creditInfo', { meterNumber: postpaid })).debtMinor).toBe(25_000);
    await eventually(() => h.sims.headOffice.receivedCount(sale.id) === 1, 10_000, 'the settlement to reach the head office');
  });

  it('refuses a payment when nothing is owed, and a payment in kWh, bilingually', async () => {
    await h.call('meters.adjustDebt', { meterNumber: postpaid, deltaMinor: -DEMO_POSTPAID_DEBT_MINOR, reason: 'bill paid at the bank' });
    await h.login('cashier', '1111');
    expect(await h.raw('sales.quote', { meterNumber: postpaid, amountMinor: 1000 })).toMatchObject({ ok: false, error: { code: 'NOTHING_OWED', message: { ar: expect.stringContaining('لا يوجد'), en: expect.any(String) } } });
    expect(await h.raw('sales.quote', { meterNumber: postpaid, energyTenths: 100 })).toMatchObject({ ok: false, error: { code: 'WRONG_PAYMENT_MODE' } });
  });
});

describe('credit mode', () => {
  it('cuts supply at the limit and restores it when a payment brings the debt under, in order', async () => {
    let info = await h.call('meters.setPaymentMode', { meterNumber: acrel, mode: 'credit', creditLimitMinor: 10_000, depositMinor: 20_000 });
    expect(info).toMatchObject({ paymentMode: 'credit', creditLimitMinor: 10_000, depositMinor: 20_000, availableMinor: 10_000, supply: 'on' });
    info = await h.call('meters.adjustDebt', { meterNumber: acrel, deltaMinor: 9_999, reason: 'consumption on credit, November' });
    expect(info.supply).toBe('on');
    info = await h.call('meters.adjustDebt', { meterNumber: acrel, deltaMinor: 1, reason: 'consumption on credit, November' });
    expect(info).toMatchObject({ supply: 'off', availableMinor: 0, debtMinor: 10_000 });
    await h.login('cashier', '1111');
    const sale = await sell(acrel, 3_000);
    expect(sale).toMatchObject({ status: 'issued', kind: 'settlement', debt: { afterMinor: 7_000 } });
    await h.call('sync.now', {});
    await eventually(() => port.calls.some((c) => c.op === 'reconnectMeter'), 10_000, 'the reconnect');
    expect(port.calls.map((c) => c.op)).toEqual(['setCreditLimit', 'disconnectMeter', 'reconnectMeter']);
    expect(port.calls[0]!.creditLimitMinor).toBe(10_000);
    await h.login('supervisor', '2222');
    expect(await h.call('meters.creditInfo', { meterNumber: acrel })).toMatchObject({ supply: 'on', debtMinor: 7_000, availableMinor: 3_000, pendingCommands: [] });
  });

  it('commands wait for the cloud: offline they stay queued for the meter, in order', async () => {
    port.unreachable.add(acrel);
    await h.call('meters.setPaymentMode', { meterNumber: acrel, mode: 'credit', creditLimitMinor: 500 });
    await h.call('meters.adjustDebt', { meterNumber: acrel, deltaMinor: 600, reason: 'consumption on credit' });
    await h.call('meters.adjustDebt', { meterNumber: acrel, deltaMinor: -200, reason: 'paid at the office' });
    expect((await h.call('meters.creditInfo', { meterNumber: acrel })).pendingCommands).toEqual(['setCreditLimit', 'disconnectMeter', 'reconnectMeter']);
    port.unreachable.clear();
    await h.call('sync.now', {});
    await eventually(() => port.calls.length === 3, 10_000, 'the queued commands');
    expect(port.calls.map((c) => c.op)).toEqual(['setCreditLimit', 'disconnectMeter', 'reconnectMeter']);
  });

  it('leaving credit mode while supply is cut restores it and tells the cloud the new mode', async () => {
    await h.call('meters.setPaymentMode', { meterNumber: acrel, mode: 'credit', creditLimitMinor: 1_000 });
    expect((await h.call('meters.adjustDebt', { meterNumber: acrel, deltaMinor: 1_000, reason: 'consumption on credit' })).supply).toBe('off');
    const info = await h.call('meters.setPaymentMode', { meterNumber: acrel, mode: 'prepaid' });
    expect(info).toMatchObject({ paymentMode: 'prepaid', supply: 'on', creditLimitMinor: null, availableMinor: null });
    await h.call('sync.now', {});
    await eventually(() => port.calls.length === 4, 10_000, 'the commands');
    expect(port.calls.map((c) => c.op)).toEqual(['setCreditLimit', 'disconnectMeter', 'setPrepaidMode', 'reconnectMeter']);
  });

  it('refuses credit or postpaid for STS keypad meters, credit without a limit, and a negative debt', async () => {
    expect(await h.raw('meters.setPaymentMode', { meterNumber: sts, mode: 'credit', creditLimitMinor: 100 })).toMatchObject({ ok: false, error: { code: 'WRONG_PAYMENT_MODE', message: { ar: expect.stringContaining('STS') } } });
    expect(await h.raw('meters.setPaymentMode', { meterNumber: acrel, mode: 'credit' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: { ar: expect.stringContaining('الطلب غير صالح') } } });
    expect(await h.raw('meters.adjustDebt', { meterNumber: acrel, deltaMinor: -1, reason: 'oops' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: { ar: expect.stringContaining('سالباً') } } });
    expect(await h.raw('meters.creditInfo', { meterNumber: '202499999999' })).toMatchObject({ ok: false, error: { code: 'METER_NOT_FOUND' } });
  });

  it('is for supervisors', async () => {
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
