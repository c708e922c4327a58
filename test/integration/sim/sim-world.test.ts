// The simulators behave like real clouds over simulated time: meters consume their credit and trip,
// pay-again restores them, links drop behind the DCU, and commands complete asynchronously. The
// sim clock is frozen and moved by advance(): no sleeps, same result every run.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulators, type Simulators } from '../../sim';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../../sim/demo-data';
import { acrelClient, newKey, stsClient } from './clients';

const HOUR = 3_600_000;
const STS = DEMO_STS_METERS[1]!; // RF, 12.5 kWh, 1 200 W
const ACREL = DEMO_ACREL_METERS[0]!.number; // prepaid, 2 500, 800 W
const ACREL_EMPTY = DEMO_ACREL_METERS[1]!.number; // prepaid, 0
let sim: Simulators;

beforeEach(async () => {
  // 06:00 UTC = 09:00 in the meters' UTC+3: the demo schedule's day price (250/kWh) until 14:00 UTC.
  sim = await startSimulators({ frozen: true, now: () => new Date('2026-03-01T06:00:00.000Z') });
});
afterEach(() => sim.close());

function ok<T>(o: { kind: string; value?: T }): T {
  if (o.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(o)}`);
  return o.value as T;
}

describe('STS meters consume kWh over simulated time', () => {
  it('1 200 W for an hour uses 1.2 kWh of credit and takes four interval readings', async () => {
    sim.clock.advance(HOUR);
    expect(sim.sts.meters.balanceTenths(STS.number)).toBe(125 - 12);
    const c = stsClient(sim);
    expect(ok(await c.getMeterBalance({ meterNumber: STS.number }))).toMatchObject({ remainingTenths: 113 });
    const readings = ok(await c.getMeterReadings({ meterNumber: STS.number, from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }));
    expect(readings.map((r) => r.importTenths)).toEqual([3, 6, 9, 12]);
    expect(ok(await c.getMeterReading({ meterNumber: STS.number }))).toMatchObject({ importTenths: 12, powerW: 1_200 });
  });

  it('trips at zero, stays off while empty, and comes back on when a token is entered', async () => {
    sim.clock.advance(12 * HOUR);
    const c = stsClient(sim);
    expect(ok(await c.getMeterStatus({ meterNumber: STS.number })).relay).toBe('tripped');
    expect(sim.sts.meters.balanceTenths(STS.number)).toBe(0);
    const imported = sim.sts.meters.state(STS.number).importTenths;
    sim.clock.advance(HOUR);
    expect(sim.sts.meters.state(STS.number).importTenths).toBe(imported);
    const v = ok(await c.chargeMeter({ meterNumber: STS.number, energyTenths: 24, amountMinor: 100, idempotencyKey: newKey() }));
    expect(sim.sts.meters.enterToken(STS.number, v.token)).toMatchObject({ accepted: true, balanceTenths: 24 });
    expect(ok(await c.getMeterStatus({ meterNumber: STS.number })).relay).toBe('on');
    sim.clock.advance(HOUR);
    expect(sim.sts.meters.balanceTenths(STS.number)).toBe(12);
  });

  it('refuses a reused TID, a token for another meter and a mistyped digit, as a real meter does', async () => {
    const c = stsClient(sim);
    const v = ok(await c.chargeMeter({ meterNumber: STS.number, energyTenths: 10, amountMinor: 100, idempotencyKey: newKey() }));
    expect(sim.sts.meters.enterToken(STS.number, v.token)).toMatchObject({ accepted: true });
    expect(sim.sts.meters.enterToken(STS.number, v.token)).toEqual({ accepted: false, reason: 'USED' });
    expect(sim.sts.meters.enterToken(DEMO_STS_METERS[0]!.number, v.token)).toEqual({ accepted: false, reason: 'REJECTED_CRC' });
    const typo = v.token.slice(0, 19) + String((Number(v.token[19]) + 1) % 10);
    expect(sim.sts.meters.enterToken(STS.number, typo)).toMatchObject({ accepted: false });
  });

  it('a maintenance code is a real engineering token: it sets the power limit once, then is refused as used', async () => {
    const m = DEMO_STS_METERS[2]!.number; // tokens only: the code is typed on the keypad
    const code = ok(await stsClient(sim).generateMaintenanceCode({ meterNumber: m, idempotencyKey: newKey(), purpose: 'maintenance', action: 'set_power_limit', powerLimitW: 4_600, validMinutes: 120 }));
    expect(code.expiresAt).toBe('2026-03-01T08:00:00.000Z');
    expect(sim.sts.meters.enterToken(m, code.code)).toMatchObject({ accepted: true, management: 'set_power_limit' });
    expect(sim.sts.meters.state(m).amperageLimitA).toBe(20);
    expect(sim.sts.meters.enterToken(m, code.code)).toEqual({ accepted: false, reason: 'USED' });
  });
});

describe('Acrel meters consume money by their time-of-use schedule', () => {
  it('charges the day price, then the evening peak, and trips at zero; a recharge restores the supply', async () => {
    sim.clock.advance(HOUR); // 0.8 kWh at 250
    expect(sim.acrel.meters.balanceMinor(ACREL)).toBe(2_500 - 200);
    sim.clock.advance(7 * HOUR); // to 17:00 local, all at the day price
    expect(sim.acrel.meters.balanceMinor(ACREL)).toBe(900);
    sim.clock.advance(HOUR); // 0.8 kWh at the 350 peak
    expect(sim.acrel.meters.balanceMinor(ACREL)).toBe(620);
    sim.clock.advance(3 * HOUR);
    const s = sim.acrel.meters.state(ACREL);
    expect(s.relay).toBe('tripped');
    expect(s.balance).toBeLessThanOrEqual(0);
    expect(s.balance).toBeGreaterThan(-35); // at most one 0.1 kWh step past zero
    const c = acrelClient(sim);
    ok(await c.rechargeBalance({ meterNumber: ACREL, amountMinor: 1_000, idempotencyKey: newKey() }));
    expect(ok(await c.getMeterStatus({ meterNumber: ACREL })).relay).toBe('on');
  });

  it('in credit mode the meter runs below zero down to the limit, then trips', async () => {
    const c = acrelClient(sim);
    expect(sim.acrel.meters.state(ACREL_EMPTY).relay).toBe('tripped');
    expect(ok(await c.setCreditLimit({ meterNumber: ACREL_EMPTY, creditLimitMinor: 500, idempotencyKey: newKey() }))).toEqual({ mode: 'credit', creditLimitMinor: 500 });
    expect(sim.acrel.meters.state(ACREL_EMPTY).relay).toBe('on');
    sim.clock.advance(HOUR);
    expect(ok(await c.getCreditInfo({ meterNumber: ACREL_EMPTY }))).toMatchObject({ balanceMinor: -200, usedCreditMinor: 200, availableMinor: 300 });
    sim.clock.advance(3 * HOUR);
    const s = sim.acrel.meters.state(ACREL_EMPTY);
    expect(s.relay).toBe('tripped');
    expect(s.balance).toBeLessThanOrEqual(-500);
  });
});

describe('links behind the DCU and asynchronous commands', () => {
  it('a command is pending until it has reached the meter, then done; the same key is the same command', async () => {
    const c = stsClient(sim);
    sim.sts.world.setLink(STS.number, { online: true, signal: 70 });
    const key = newKey();
    const cmd = ok(await c.disconnectMeter({ meterNumber: STS.number, reason: 'non-payment', idempotencyKey: key }));
    expect(cmd.status).toBe('pending');
    expect(ok(await c.disconnectMeter({ meterNumber: STS.number, reason: 'non-payment', idempotencyKey: key })).commandId).toBe(cmd.commandId);
    sim.clock.advance(1_000);
    expect(ok(await c.checkCommandStatus({ commandId: cmd.commandId })).status).toBe('pending');
    sim.clock.advance(3_000);
    expect(ok(await c.checkCommandStatus({ commandId: cmd.commandId }))).toMatchObject({ status: 'done', error: null });
    expect(ok(await c.getMeterStatus({ meterNumber: STS.number })).relay).toBe('disconnected');
    const on = ok(await c.turnOnMeter({ meterNumber: STS.number, idempotencyKey: newKey() }));
    sim.clock.advance(5_000);
    expect(ok(await c.checkCommandStatus({ commandId: on.commandId }))).toMatchObject({ status: 'failed', error: { code: 'METER_DISCONNECTED' } });
  });

  it('a meter off line keeps its command pending until it comes back; too long and the command fails', async () => {
    const c = stsClient(sim);
    sim.sts.world.setLink(STS.number, { online: false });
    expect(ok(await c.getMeterStatus({ meterNumber: STS.number })).isConnected).toBe(false);
    const off = ok(await c.turnOffMeter({ meterNumber: STS.number, idempotencyKey: newKey() }));
    sim.clock.advance(10 * 60_000);
    expect(ok(await c.checkCommandStatus({ commandId: off.commandId })).status).toBe('pending');
    sim.sts.world.setLink(STS.number, { online: true });
    sim.clock.advance(60_000);
    expect(ok(await c.checkCommandStatus({ commandId: off.commandId })).status).toBe('done');
    sim.sts.world.setDcuOnline(STS.dcuId!, false);
    const on = ok(await c.turnOnMeter({ meterNumber: STS.number, idempotencyKey: newKey() }));
    sim.clock.advance(16 * 60_000);
    expect(ok(await c.checkCommandStatus({ commandId: on.commandId }))).toMatchObject({ status: 'failed', error: { code: 'METER_UNREACHABLE' } });
    expect(ok(await c.getMeterStatus({ meterNumber: STS.number })).isConnected).toBe(false);
  });

  it('RF signal strength drifts over time and stays a percentage; wired meters report none', async () => {
    const c = stsClient(sim);
    const seen = new Set<number | null>();
    for (let i = 0; i < 12; i++) {
      sim.clock.advance(10 * 60_000);
      const s = ok(await c.getMeterStatus({ meterNumber: STS.number }));
      expect(s).toMatchObject({ connectionType: 'rf', dcuId: STS.dcuId });
      seen.add(s.signalStrength);
    }
    expect(seen.size).toBeGreaterThan(1);
    for (const v of seen) expect(v === null || (v >= 0 && v <= 100)).toBe(true);
    const wired = ok(await c.getMeterStatus({ meterNumber: DEMO_STS_METERS[3]!.number }));
    expect(wired).toMatchObject({ connectionType: 'wired', signalStrength: null });
  });
});
