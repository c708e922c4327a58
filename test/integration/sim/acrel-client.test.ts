// The Acrel (ADL200) client against the Acrel cloud simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulators, type Simulators } from '../../sim';
import { DEMO_ACREL_METERS, DEMO_UNKNOWN_ACREL_METER } from '../../sim/demo-data';
import { acrelClient, newKey } from './clients';

let sim: Simulators;
beforeAll(async () => {
  sim = await startSimulators();
});
afterAll(() => sim.close());

const prepaid = DEMO_ACREL_METERS.find((m) => m.paymentMode === 'prepaid')!.number;
const postpaid = DEMO_ACREL_METERS.find((m) => m.paymentMode === 'postpaid')!.number;

describe('Acrel client', () => {
  it('tests the connection', async () => {
    expect((await acrelClient(sim).testConnection()).kind).toBe('ok');
  });

  it('recharges money once per key and reads the balance back', async () => {
    const c = acrelClient(sim);
    const start = await c.getPrepaidBalance({ meterNumber: prepaid });
    expect(start.kind).toBe('ok');
    const startMinor = start.kind === 'ok' ? start.value.balanceMinor : NaN;
    const key = newKey();
    const a = await c.rechargeBalance({ meterNumber: prepaid, amountMinor: 10_000, idempotencyKey: key });
    expect(a).toMatchObject({ kind: 'ok', value: { balanceMinor: startMinor + 10_000 } });
    const b = await c.rechargeBalance({ meterNumber: prepaid, amountMinor: 10_000, idempotencyKey: key });
    expect(b).toEqual(a);
    expect(await c.getPrepaidBalance({ meterNumber: prepaid })).toEqual({ kind: 'ok', value: { balanceMinor: startMinor + 10_000 } });
    expect(sim.acrel.rechargesByKey.get(key)).toMatchObject({ amountMinor: 10_000, meterNumber: prepaid });
    const found = await c.verifyCharge({ idempotencyKey: key });
    expect(found).toMatchObject({ kind: 'ok', value: { found: true, amountMinor: 10_000 } });
    expect(await c.verifyCharge({ idempotencyKey: newKey() })).toEqual({ kind: 'ok', value: { found: false } });
  });

  it('refuses a postpaid meter, an unknown meter and a malformed number, bilingually', async () => {
    const c = acrelClient(sim);
    const p = await c.rechargeBalance({ meterNumber: postpaid, amountMinor: 100, idempotencyKey: newKey() });
    expect(p).toMatchObject({ kind: 'refused', code: 'WRONG_PAYMENT_MODE' });
    const u = await c.rechargeBalance({ meterNumber: DEMO_UNKNOWN_ACREL_METER, amountMinor: 100, idempotencyKey: newKey() });
    expect(u).toMatchObject({ kind: 'refused', code: 'METER_NOT_FOUND' });
    if (u.kind === 'refused') {
      expect(u.message.en).toContain(DEMO_UNKNOWN_ACREL_METER);
      expect(u.message.ar).toMatch(/[\u0600-\u06FF]/);
    }
    expect(await c.getPrepaidBalance({ meterNumber: '12' })).toMatchObject({ kind: 'refused', code: 'BAD_METER_NUMBER' });
  });

  it('refuses a zero or fractional amount (money is integer minor units)', async () => {
    const c = acrelClient(sim);
    expect(await c.rechargeBalance({ meterNumber: prepaid, amountMinor: 0, idempotencyKey: newKey() })).toMatchObject({ kind: 'refused', code: 'BAD_REQUEST' });
    expect(await c.rechargeBalance({ meterNumber: prepaid, amountMinor: 10.5, idempotencyKey: newKey() })).toMatchObject({ kind: 'refused', code: 'BAD_REQUEST' });
  });

  it('refuses a bad signature and changes nothing', async () => {
    const before = sim.acrel.meters.balanceMinor(prepaid);
    const o = await acrelClient(sim, { apiSecret: 'wrong' }).rechargeBalance({ meterNumber: prepaid, amountMinor: 100, idempotencyKey: newKey() });
    expect(o).toMatchObject({ kind: 'refused', code: 'BAD_SIGNATURE' });
    expect(sim.acrel.meters.balanceMinor(prepaid)).toBe(before);
  });
});
