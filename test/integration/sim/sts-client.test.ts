// The STS vendor client against the STS vendor simulator: real HTTP on 127.0.0.1, real tokens.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeToken, deriveDecoderKey, meterPan } from '../../../main/sts';
import { startSimulators, type Simulators } from '../../sim';
import { DEMO_BAD_CHECK_DIGIT_METER, DEMO_STS_KEYS, DEMO_STS_METERS, DEMO_UNKNOWN_STS_METER } from '../../sim/demo-data';
import { newKey, stsClient } from './clients';

let sim: Simulators;
beforeAll(async () => {
  sim = await startSimulators();
});
afterAll(() => sim.close());
beforeEach(() => sim.sts.setFaults({}));

const [m1, m2, , m13] = DEMO_STS_METERS.map((m) => m.number) as [string, string, string, string];

function okValue<T>(o: { kind: string; value?: T }): T {
  if (o.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(o)}`);
  return o.value as T;
}

describe('STS vendor client', () => {
  it('tests the connection with signed credentials', async () => {
    const v = okValue(await stsClient(sim).testConnection());
    expect(Date.parse(v.serverTime)).not.toBeNaN();
  });

  it('vends a token that decodes, with the key derived independently, to the requested energy', async () => {
    const key = newKey();
    const v = okValue(await stsClient(sim).chargeMeter({ meterNumber: m1, energyTenths: 125, amountMinor: 1_000, idempotencyKey: key }));
    expect(v.token).toMatch(/^\d{20}$/);
    expect(v.energyTenths).toBe(125);
    const k = DEMO_STS_KEYS;
    const dk = deriveDecoderKey({ dkga: '02', vendingKey: k.vendingKey, keyType: k.keyType, sgc: k.sgc, ti: k.ti, krn: k.krn, pan: meterPan(m1), baseDate: 2014, ea: '07' });
    const d = decodeToken(dk, v.token);
    expect(d).toMatchObject({ class: 0, subclass: 0, tid: v.tid, amountTenths: 125, crcOk: true });
    // The meter takes it once, and only once.
    const before = sim.sts.meters.balanceTenths(m1);
    expect(sim.sts.meters.enterToken(m1, v.token)).toMatchObject({ accepted: true, amountTenths: 125 });
    expect(sim.sts.meters.balanceTenths(m1)).toBe(before + 125);
    expect(sim.sts.meters.enterToken(m1, v.token)).toEqual({ accepted: false, reason: 'USED' });
    expect(sim.sts.meters.creditedTokens(m1).map((t) => t.token)).toContain(v.token);
  });

  it('a token for one meter is refused by another (CRC under the wrong key)', async () => {
    const v = okValue(await stsClient(sim).chargeMeter({ meterNumber: m1, energyTenths: 10, amountMinor: 100, idempotencyKey: newKey() }));
    expect(sim.sts.meters.enterToken(m2, v.token)).toEqual({ accepted: false, reason: 'REJECTED_CRC' });
  });

  it('the same idempotency key twice gives the same token and records one charge', async () => {
    const key = newKey();
    const c = stsClient(sim);
    const req = { meterNumber: m2, energyTenths: 500, amountMinor: 4_000, idempotencyKey: key };
    const a = okValue(await c.chargeMeter(req));
    const b = okValue(await c.chargeMeter(req));
    expect(b).toEqual(a);
    expect([...sim.sts.chargesByKey.values()].filter((r) => r.idempotencyKey === key)).toHaveLength(1);
    expect(sim.sts.meters.lastIssuedTid(m2)).toBe(a.tid);
  });

  it('refuses the same key reused for a different charge', async () => {
    const key = newKey();
    const c = stsClient(sim);
    okValue(await c.chargeMeter({ meterNumber: m2, energyTenths: 20, amountMinor: 200, idempotencyKey: key }));
    const o = await c.chargeMeter({ meterNumber: m2, energyTenths: 30, amountMinor: 300, idempotencyKey: key });
    expect(o).toMatchObject({ kind: 'refused', code: 'IDEMPOTENCY_CONFLICT' });
  });

  it('gives strictly increasing TIDs to charges in the same minute', async () => {
    const c = stsClient(sim);
    const tids: number[] = [];
    for (let i = 0; i < 3; i++) {
      tids.push(okValue(await c.chargeMeter({ meterNumber: m13, energyTenths: 10, amountMinor: 100, idempotencyKey: newKey() })).tid!);
    }
    expect(tids[1]).toBeGreaterThan(tids[0]!);
    expect(tids[2]).toBeGreaterThan(tids[1]!);
    const dk = sim.sts.meters.decoderKey(m13);
    expect(dk).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reports the energy the token really carries when STS rounds the amount up', async () => {
    // 1 638.5 kWh is not representable (exponent 1 steps by 1 kWh above 1 638.4): it rounds up.
    const v = okValue(await stsClient(sim).chargeMeter({ meterNumber: m1, energyTenths: 16_385, amountMinor: 1, idempotencyKey: newKey() }));
    expect(v.energyTenths).toBeGreaterThanOrEqual(16_385);
    expect(decodeToken(sim.sts.meters.decoderKey(m1), v.token).amountTenths).toBe(v.energyTenths);
  });

  it('refuses an unknown meter with a bilingual message', async () => {
    const o = await stsClient(sim).chargeMeter({ meterNumber: DEMO_UNKNOWN_STS_METER, energyTenths: 10, amountMinor: 100, idempotencyKey: newKey() });
    expect(o).toMatchObject({ kind: 'refused', code: 'METER_NOT_FOUND' });
    if (o.kind !== 'refused') return;
    expect(o.message.en).toContain(DEMO_UNKNOWN_STS_METER);
    expect(o.message.ar).toMatch(/[\u0600-\u06FF]/);
  });

  it('refuses a meter number with a bad check digit', async () => {
    const o = await stsClient(sim).chargeMeter({ meterNumber: DEMO_BAD_CHECK_DIGIT_METER, energyTenths: 10, amountMinor: 100, idempotencyKey: newKey() });
    expect(o).toMatchObject({ kind: 'refused', code: 'BAD_METER_NUMBER' });
  });

  it('refuses a request signed with the wrong secret, and vends nothing', async () => {
    const key = newKey();
    const o = await stsClient(sim, { apiSecret: 'not-the-secret' }).chargeMeter({ meterNumber: m1, energyTenths: 10, amountMinor: 100, idempotencyKey: key });
    expect(o).toMatchObject({ kind: 'refused', code: 'BAD_SIGNATURE' });
    expect(sim.sts.chargesByKey.has(key)).toBe(false);
    expect(await stsClient(sim, { apiKey: 'who-is-this' }).testConnection()).toMatchObject({ kind: 'refused', code: 'BAD_API_KEY' });
    expect(await stsClient(sim, { merchantId: 'OTHER' }).testConnection()).toMatchObject({ kind: 'refused', code: 'BAD_MERCHANT' });
  });

  it('refuses an energy amount that is not a positive integer', async () => {
    const o = await stsClient(sim).chargeMeter({ meterNumber: m1, energyTenths: 12.5, amountMinor: 100, idempotencyKey: newKey() });
    expect(o).toMatchObject({ kind: 'refused', code: 'BAD_REQUEST' });
  });

  it('verifyCharge finds a charge by key, and says found:false for a key never used', async () => {
    const key = newKey();
    const c = stsClient(sim);
    const v = okValue(await c.chargeMeter({ meterNumber: m1, energyTenths: 40, amountMinor: 300, idempotencyKey: key }));
    expect(okValue(await c.verifyCharge({ idempotencyKey: key }))).toEqual({ found: true, ...v });
    expect(v).toMatchObject({ meterNumber: m1, energyTenths: 40, amountMinor: 300 });
    expect(okValue(await c.verifyCharge({ idempotencyKey: newKey() }))).toEqual({ found: false });
  });

  it('recharges the prepaid balance of a DCU-connected meter once per key', async () => {
    const c = stsClient(sim);
    const start = okValue(await c.getPrepaidBalance({ meterNumber: m13 })).balanceTenths;
    const key = newKey();
    const req = { meterNumber: m13, energyTenths: 300, amountMinor: 2_400, idempotencyKey: key };
    const a = okValue(await c.rechargeBalance(req));
    expect(a.balanceTenths).toBe(start + 300);
    expect(okValue(await c.rechargeBalance(req))).toEqual(a);
    expect(okValue(await c.getPrepaidBalance({ meterNumber: m13 })).balanceTenths).toBe(start + 300);
    expect(okValue(await c.verifyRecharge({ idempotencyKey: key }))).toMatchObject({ found: true, energyTenths: 300, vendorRef: a.vendorRef });
  });

  it('refuses a balance top-up for a meter the cloud cannot reach (tokens only)', async () => {
    const tokensOnly = DEMO_STS_METERS.find((m) => m.connection === 'none')!.number;
    const o = await stsClient(sim).rechargeBalance({ meterNumber: tokensOnly, energyTenths: 10, amountMinor: 80, idempotencyKey: newKey() });
    expect(o).toMatchObject({ kind: 'refused', code: 'METER_NOT_CONNECTED' });
  });
});
