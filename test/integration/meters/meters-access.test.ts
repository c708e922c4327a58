// Meter management is the supervisor's: a cashier is refused, bad input is refused in both
// languages, and reads say plainly when the meter's cloud cannot be reached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meterManagementChannels as meterChannels } from '../../../preload/contract';
import { startHarness, type Harness } from '../../helpers/harness';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../../sim/demo-data';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.sims.clock.freeze();
});
afterAll(() => h.close());

const STS = DEMO_STS_METERS[1]!.number;
const ACREL = DEMO_ACREL_METERS[0]!.number;
const arabic = /[\u0600-\u06FF]/;

describe('meter management: roles and input', () => {
  it('a cashier gets FORBIDDEN on every meter-management channel', async () => {
    const token = await h.login('cashier', '1111');
    for (const channel of Object.keys(meterChannels)) {
      const r = await h.raw(channel, { meterNumber: STS }, token);
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('bad input is BAD_INPUT with a message in Arabic and English', async () => {
    await h.login('supervisor', '2222');
    const cases: [string, unknown][] = [
      ['meters.status', {}],
      ['meters.command', { meterNumber: STS, command: { kind: 'disconnect', reason: '' } }],
      ['meters.command', { meterNumber: STS, command: { kind: 'reduce_amperage', limitA: 2.5 } }],
      ['meters.command', { meterNumber: STS, command: { kind: 'explode' } }],
      ['meters.commandStatus', { commandId: 'not-a-uuid' }],
      ['meters.maintenanceCode', { meterNumber: STS, purpose: 'repair', action: 'set_power_limit' }],
    ];
    for (const [channel, input] of cases) {
      const r = await h.raw(channel, input);
      expect(r, `${channel} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      if (!r.ok) expect(r.error.message.ar).toMatch(arabic);
    }
    expect(await h.raw('meters.command', { meterNumber: ACREL, command: { kind: 'increase_amperage', limitA: 60 } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await h.raw('meters.maintenanceCode', { meterNumber: ACREL, purpose: 'repair', action: 'clear_tamper' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await h.raw('meters.status', { meterNumber: '04000001034' })).toMatchObject({ ok: false, error: { code: 'METER_NOT_FOUND' } });
  });
});

describe('meter management: direct reads', () => {
  it('shows status behind the DCU, the reading, interval readings and the balance', async () => {
    await h.login('supervisor', '2222');
    h.sims.sts.world.setLink(STS, { online: true, signal: 64 });
    h.sims.clock.advance(3_600_000);
    const s = await h.call('meters.status', { meterNumber: STS });
    expect(s).toMatchObject({ kind: 'sts', isConnected: true, connectionType: 'rf', dcuId: 'DCU-SANAA-01', signalStrength: 64, relay: 'on' });
    expect((await h.call('meters.reading', { meterNumber: STS })).importTenths).toBe(12);
    const r = await h.call('meters.readings', { meterNumber: STS, from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' });
    expect(r.readings.length).toBeGreaterThanOrEqual(3);
    expect(await h.call('meters.balance', { meterNumber: STS })).toMatchObject({ kind: 'sts', remainingTenths: 125 - 12 });
    const a = await h.call('meters.balance', { meterNumber: ACREL });
    expect(a.kind).toBe('acrel');
    expect(a.balanceMinor).toBeLessThan(2_500);
  });

  it('says in both languages when the cloud cannot be reached', async () => {
    await h.login('supervisor', '2222');
    await h.sims.sts.setFaults({ offline: true });
    try {
      const r = await h.raw('meters.status', { meterNumber: STS });
      expect(r).toMatchObject({ ok: false, error: { code: 'VENDOR_UNREACHABLE' } });
      if (!r.ok) {
        expect(r.error.message.en).toMatch(/cannot be reached/);
        expect(r.error.message.ar).toMatch(/تعذر الوصول/);
      }
    } finally {
      await h.sims.sts.setFaults({});
    }
  });

  it('passes on the vendor refusal in its words (tokens-only meter has no DCU)', async () => {
    await h.login('supervisor', '2222');
    const r = await h.raw('meters.reading', { meterNumber: DEMO_STS_METERS[2]!.number });
    expect(r).toMatchObject({ ok: false, error: { code: 'VENDOR_REFUSED' } });
    if (!r.ok) expect(r.error.message.en).toContain('METER_NOT_CONNECTED');
  });
});
