// Cloud meters apply time-of-use prices themselves: the schedule is pushed to every Acrel meter on
// it through the outbox, and read back; a meter that holds something else (or cannot be read) is
// listed with the reason, in both languages.
import { afterEach, describe, expect, it } from 'vitest';
import { createAcrelClient } from '../../../main/vendors/acrel/client';
import { DEMO_ACREL_METERS } from '../../sim/demo-data';
import { eventually, startHarness, type Harness } from '../../helpers/harness';
import { fakeMeterPort, type FakePort } from './fake-port';

let h: Harness;
afterEach(async () => h?.close());
const acrel = DEMO_ACREL_METERS.map((m) => m.number);

describe('push a schedule to Acrel meters and read it back (fake cloud)', () => {
  let port: FakePort;
  it('queues the version in force for every Acrel meter on it, delivers it, and the read-back agrees', async () => {
    port = fakeMeterPort();
    h = await startHarness({ app: { meterCommands: port } });
    await h.login('supervisor', '2222');
    const before = await h.call('tariffs.readBack', { code: 'RES-TOU' });
    expect(before.disagree.map((d) => d.meterNumber)).toEqual(acrel);
    expect(before.disagree[0]!.problem.en).toContain('missing 23:00–07:00 180');
    expect(before.disagree[0]!.problem.ar).toContain('ينقص العداد');

    const pushed = await h.call('tariffs.push', { code: 'RES-TOU' });
    expect(pushed).toEqual({ version: 1, queued: acrel });
    await h.call('sync.now', {});
    await eventually(() => port.calls.filter((c) => c.op === 'setMultiTariffSchedule').length === acrel.length, 10_000, 'the schedule to reach every meter');
    expect(port.schedules.get(acrel[0]!)).toEqual([
      { name: { ar: 'خارج الذروة', en: 'Off-peak' }, startMinute: 1380, endMinute: 420, pricePerKwh: '180' },
      { name: { ar: 'عادي', en: 'Standard' }, startMinute: 420, endMinute: 1020, pricePerKwh: '220' },
      { name: { ar: 'ذروة', en: 'Peak' }, startMinute: 1020, endMinute: 1380, pricePerKwh: '300.5' },
    ]);

    // One meter is changed behind our back (price written with more decimals is the same price),
    // another cannot be reached.
    port.schedules.set(acrel[0]!, port.schedules.get(acrel[0]!)!.map((p) => ({ ...p, pricePerKwh: p.pricePerKwh === '300.5' ? '300.5000' : p.pricePerKwh })));
    port.schedules.set(acrel[1]!, port.schedules.get(acrel[1]!)!.map((p) => ({ ...p, pricePerKwh: p.pricePerKwh === '220' ? '210' : p.pricePerKwh })));
    port.unreachable.add(acrel[2]!);
    const after = await h.call('tariffs.readBack', { code: 'RES-TOU' });
    expect(after.agree).toEqual([acrel[0]]);
    expect(after.disagree).toEqual([
      { meterNumber: acrel[1], problem: { en: 'The meter is missing 07:00–17:00 220 and has 07:00–17:00 210 instead.', ar: 'ينقص العداد \u206607:00–17:00 220\u2069 ولديه بدلاً منها \u206607:00–17:00 210\u2069.' } },
      { meterNumber: acrel[2], problem: { en: expect.stringContaining('could not be read'), ar: expect.stringContaining('تعذرت قراءة العداد') } },
    ]);
  });

  it('pushes only to meters on that schedule, and is for supervisors', async () => {
    port = fakeMeterPort();
    h = await startHarness({ app: { meterCommands: port } });
    await h.login('supervisor', '2222');
    expect(await h.call('tariffs.push', { code: 'COM-FLAT' })).toEqual({ version: 1, queued: [] }); // only an STS meter is on it
    expect(await h.raw('tariffs.push', { code: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: { ar: expect.any(String) } } });
    expect(await h.raw('tariffs.push', { code: 'bad code!' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await h.login('cashier', '1111');
    expect(await h.raw('tariffs.push', { code: 'RES-TOU' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.raw('tariffs.readBack', { code: 'RES-TOU' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

// Against the Acrel simulator once its client offers the schedule operations (issue 5).
const clientHasSchedules = typeof (createAcrelClient({ baseUrl: 'http://127.0.0.1:1', apiKey: 'k', apiSecret: 's', merchantId: null, timeoutMs: 1, retryAttempts: 0 } as never) as unknown as Record<string, unknown>).setMultiTariffSchedule === 'function';
describe.skipIf(!clientHasSchedules)('push and read back against the Acrel simulator', () => {
  it('the simulator meters disagree before the push and agree after it', async () => {
    h = await startHarness();
    await h.login('supervisor', '2222');
    expect((await h.call('tariffs.readBack', { code: 'RES-TOU' })).disagree.length).toBe(acrel.length);
    await h.call('tariffs.push', { code: 'RES-TOU' });
    await h.call('sync.now', {});
    await eventually(async () => (await h.call('tariffs.readBack', { code: 'RES-TOU' })).agree.length === acrel.length, 10_000, 'the meters to hold the schedule');
  });
});
