// STS meters on a DCU hold a time-of-use schedule too: tariffs.push queues it for them like for
// Acrel meters (a recorded, audited command through the outbox, once per meter), and
// tariffs.readBack reads it back — for the whole schedule or for one meter (the meter page). A
// tokens-only meter is refused by its cloud, and an unreachable cloud is said plainly, bilingually.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACREL_METERS, DEMO_STS_METERS } from '../../sim/demo-data';
import { eventually, startHarness, type Harness } from '../../helpers/harness';
import { waitDone } from './commands';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.login('supervisor', '2222');
});
afterEach(async () => h.close());

const onDcu = DEMO_STS_METERS.filter((m, i) => i < 3 && m.connection !== 'none').map((m) => m.number);
const TOKENS_ONLY = DEMO_STS_METERS.find((m) => m.connection === 'none')!.number;
const STS = onDcu[0]!;
const count = (sql: string, ...args: unknown[]) => (h.app.db.read.prepare(sql).get(...args) as { n: number }).n;

describe('time-of-use schedule on STS meters (simulated STS cloud)', () => {
  it('pushes the schedule to the STS meters on it, once each, audited, and the read-back agrees', async () => {
    const before = await h.call('tariffs.readBack', { code: 'RES-TOU', meterNumber: STS });
    expect(before).toMatchObject({ code: 'RES-TOU', version: 1, checked: 1, agree: [] });
    expect(before.disagree[0]!.problem.en).toContain('missing 23:00–07:00 180');
    expect(before.disagree[0]!.problem.ar).toContain('ينقص العداد');

    const pushed = await h.call('tariffs.push', { code: 'RES-TOU' });
    expect(pushed.queued).toEqual([...onDcu, TOKENS_ONLY, ...DEMO_ACREL_METERS.map((m) => m.number)]);
    for (const n of onDcu) await waitDone(h, n, 'set_tariff_schedule');
    expect(h.sims.sts.meters.state(STS).schedule.map((p) => [p.startMinute, p.endMinute, p.pricePerKwh])).toEqual([[1380, 420, '180'], [420, 1020, '220'], [1020, 1380, '300.5']]);
    for (const n of [...onDcu, TOKENS_ONLY]) {
      expect(count(`SELECT COUNT(*) AS n FROM outbox WHERE topic = 'metercmd.set_tariff_schedule' AND order_key = ?`, `meter:${n}`), n).toBe(1);
    }
    const audit = h.app.db.read.prepare(`SELECT details FROM audit_log WHERE action = 'tariff.push'`).get() as { details: string };
    expect((JSON.parse(audit.details) as { meters: string[] }).meters).toEqual(expect.arrayContaining([...onDcu, TOKENS_ONLY]));

    expect(await h.call('tariffs.readBack', { code: 'RES-TOU', meterNumber: STS })).toMatchObject({ checked: 1, agree: [STS], disagree: [] });
    const all = await h.call('tariffs.readBack', { code: 'RES-TOU' });
    expect(all.agree).toEqual(expect.arrayContaining(onDcu));

    // The tokens-only meter: its cloud refuses the schedule, and the command says why.
    await eventually(async () => (await h.call('meters.commands', { meterNumber: TOKENS_ONLY, limit: 5 }))[0]?.status === 'failed', 10_000, 'the refusal');
    const [cmd] = await h.call('meters.commands', { meterNumber: TOKENS_ONLY, limit: 5 });
    expect(cmd).toMatchObject({ kind: 'set_tariff_schedule', error: { code: 'METER_NOT_CONNECTED' } });
    expect(all.disagree.find((d) => d.meterNumber === TOKENS_ONLY)!.problem).toMatchObject({ en: expect.stringContaining('The cloud refused'), ar: expect.stringContaining('رفضت السحابة') });
  });

  it('when the STS cloud cannot be reached: the push waits in the outbox, and the read-back says so in both languages', async () => {
    await h.sims.sts.setFaults({ offline: true });
    try {
      const r = await h.call('tariffs.readBack', { code: 'RES-TOU', meterNumber: STS });
      expect(r.disagree[0]!.problem.en).toContain('could not be read');
      expect(r.disagree[0]!.problem.ar).toContain('تعذرت قراءة العداد');
      await h.call('tariffs.push', { code: 'RES-TOU' });
      h.app.worker.kick();
      await eventually(() => count(`SELECT COUNT(*) AS n FROM outbox WHERE topic = 'metercmd.set_tariff_schedule' AND order_key = ? AND attempts > 0`, `meter:${STS}`) === 1, 10_000, 'a failed attempt');
      expect((await h.call('meters.commands', { meterNumber: STS, limit: 5 }))[0]).toMatchObject({ kind: 'set_tariff_schedule', status: 'pending' });
    } finally {
      await h.sims.sts.setFaults({});
    }
    await waitDone(h, STS, 'set_tariff_schedule');
    expect(count(`SELECT COUNT(*) AS n FROM outbox WHERE topic = 'metercmd.set_tariff_schedule' AND order_key = ?`, `meter:${STS}`)).toBe(1);
    expect((await h.call('tariffs.readBack', { code: 'RES-TOU', meterNumber: STS })).agree).toEqual([STS]);
  });

  it('reads back one meter only when it is on that schedule', async () => {
    const wired = DEMO_STS_METERS[3]!.number; // in a group on COM-FLAT
    expect(await h.raw('tariffs.readBack', { code: 'RES-TOU', meterNumber: wired })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: { ar: expect.stringContaining('ليس على جدول التعرفة') } } });
    expect(await h.call('tariffs.readBack', { code: 'COM-FLAT', meterNumber: wired })).toMatchObject({ checked: 1 });
  });
});
