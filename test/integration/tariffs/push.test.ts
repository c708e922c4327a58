// Cloud meters apply time-of-use prices themselves: the schedule is pushed to every meter on it
// (Acrel here; STS meters in sts-schedule.test.ts) as a recorded meter command (through the outbox, in each meter's order), and read back; a
// meter that holds something else (or cannot be read) is listed with the reason, in both languages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACREL_METERS } from '../../sim/demo-data';
import { DEMO_GROUP } from '../../../scripts/seed-demo';
import { startHarness, type Harness } from '../../helpers/harness';
import { commandKinds, waitDone } from './commands';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.login('supervisor', '2222');
});
afterEach(async () => h.close());
const acrel = DEMO_ACREL_METERS.map((m) => m.number);
const isAcrel = (n: string) => acrel.includes(n);

describe('push a schedule to Acrel meters and read it back (simulated cloud)', () => {
  it('queues the version in force for every Acrel meter on it, delivers it, and the read-back agrees', async () => {
    const before = await h.call('tariffs.readBack', { code: 'RES-TOU' });
    expect(before.disagree.map((d) => d.meterNumber).filter(isAcrel)).toEqual(acrel);
    expect(before.disagree.find((d) => d.meterNumber === acrel[0])!.problem.en).toContain('missing 23:00–07:00 180');
    expect(before.disagree.find((d) => d.meterNumber === acrel[0])!.problem.ar).toContain('ينقص العداد');

    const pushed = await h.call('tariffs.push', { code: 'RES-TOU' });
    expect(pushed.version).toBe(1);
    expect(pushed.queued.filter(isAcrel)).toEqual(acrel);
    for (const n of acrel) await waitDone(h, n, 'set_tariff_schedule');
    expect(commandKinds(h, acrel[0]!)).toEqual(['set_tariff_schedule']);
    const [cmd] = await h.call('meters.commands', { meterNumber: acrel[0]!, limit: 5 });
    expect(cmd).toMatchObject({ kind: 'set_tariff_schedule', status: 'done', requestedBy: 'supervisor' });
    expect(h.sims.acrel.meters.state(acrel[0]!).schedule).toEqual([
      { name: { ar: 'خارج الذروة', en: 'Off-peak' }, startMinute: 1380, endMinute: 420, pricePerKwh: '180' },
      { name: { ar: 'عادي', en: 'Standard' }, startMinute: 420, endMinute: 1020, pricePerKwh: '220' },
      { name: { ar: 'ذروة', en: 'Peak' }, startMinute: 1020, endMinute: 1380, pricePerKwh: '300.5' },
    ]);
    expect((await h.call('tariffs.readBack', { code: 'RES-TOU' })).agree.filter(isAcrel)).toEqual(acrel);

    // One meter is changed behind our back (a price written with more decimals is the same
    // price), another is changed for real, a third is no longer reachable through its gateway.
    const state = (n: string) => h.sims.acrel.meters.state(n);
    state(acrel[0]!).schedule = state(acrel[0]!).schedule.map((p) => ({ ...p, pricePerKwh: p.pricePerKwh === '300.5' ? '300.5000' : p.pricePerKwh }));
    state(acrel[1]!).schedule = state(acrel[1]!).schedule.map((p) => ({ ...p, pricePerKwh: p.pricePerKwh === '220' ? '210' : p.pricePerKwh }));
    state(acrel[2]!).connection = 'none';
    const after = await h.call('tariffs.readBack', { code: 'RES-TOU' });
    expect(after.agree.filter(isAcrel)).toEqual([acrel[0]]);
    expect(after.disagree.filter((d) => isAcrel(d.meterNumber))).toEqual([
      { meterNumber: acrel[1], problem: { en: 'The meter is missing 07:00–17:00 220 and has 07:00–17:00 210 instead.', ar: 'ينقص العداد \u206607:00–17:00 220\u2069 ولديه بدلاً منها \u206607:00–17:00 210\u2069.' } },
      { meterNumber: acrel[2], problem: { en: expect.stringContaining('The cloud refused'), ar: expect.stringContaining('رفضت السحابة') } },
    ]);

    await h.sims.acrel.setFaults({ offline: true });
    const offline = await h.call('tariffs.readBack', { code: 'RES-TOU' });
    const offAcrel = offline.disagree.filter((d) => isAcrel(d.meterNumber));
    expect(offAcrel.map((d) => d.problem.en)).toEqual(acrel.map(() => expect.stringContaining('could not be read')));
    expect(offAcrel[0]!.problem.ar).toContain('تعذرت قراءة العداد');
  });

  it('pushes only to meters on that schedule, and is for supervisors', async () => {
    expect(await h.call('tariffs.push', { code: 'COM-FLAT' })).toEqual({ version: 1, queued: [DEMO_GROUP.meter] }); // only the wired STS meter (its group) is on it
    expect(await h.raw('tariffs.push', { code: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: { ar: expect.any(String) } } });
    expect(await h.raw('tariffs.push', { code: 'bad code!' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await h.login('cashier', '1111');
    expect(await h.raw('tariffs.push', { code: 'RES-TOU' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.raw('tariffs.readBack', { code: 'RES-TOU' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
