// Tariff groups and assignment: a meter follows its group's schedule; a schedule assigned to the
// meter itself takes it out of the group. The commercial demo tariff charges its service fee on
// the meter's first purchase of the month only, and every deduction reaches the stored sale.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import { DEMO_GROUP } from '../../../scripts/seed-demo';
import { startHarness, type Harness } from '../../helpers/harness';

let h: Harness;
let clock = new Date('2026-11-22T07:00:00.000Z');
beforeEach(async () => {
  clock = new Date('2026-11-22T07:00:00.000Z');
  h = await startHarness({ app: { now: () => clock } });
  await h.login('supervisor', '2222');
});
afterEach(async () => h.close());

const [a, b] = [DEMO_STS_METERS[0]!.number, DEMO_STS_METERS[1]!.number];

describe('tariff groups and assignment', () => {
  it('a meter moved into a group is priced by the group schedule; a direct assignment takes it out', async () => {
    expect((await h.call('tariffs.groups', {})).find((g) => g.code === DEMO_GROUP.code)?.meterCount).toBe(1);
    expect(await h.call('tariffs.groupMeters', { groupCode: DEMO_GROUP.code })).toEqual({ numbers: [DEMO_GROUP.meter], next: null });
    await h.call('tariffs.assign', { groupCode: DEMO_GROUP.code, meterNumbers: [a, b] });
    expect((await h.call('sales.quote', { meterNumber: a, amountMinor: 5000 })).tariff.scheduleName.en).toBe('Commercial flat rate');
    await h.call('tariffs.saveGroup', { code: DEMO_GROUP.code, name: { ar: 'المغذي 3', en: 'Feeder 3' }, scheduleCode: 'RES-TOU' });
    expect((await h.call('sales.quote', { meterNumber: b, amountMinor: 5000 })).tariff.scheduleName.en).toBe('Residential time-of-use');
    await h.call('tariffs.assign', { scheduleCode: 'COM-FLAT', meterNumbers: [b] });
    const groups = await h.call('tariffs.groups', {});
    expect(groups.find((g) => g.code === DEMO_GROUP.code)?.meterCount).toBe(2);
    expect((await h.call('tariffs.groupMeters', { groupCode: DEMO_GROUP.code })).numbers).toEqual([a, DEMO_GROUP.meter].sort());
    expect((await h.call('meters.creditInfo', { meterNumber: b })).groupCode).toBeNull();
    expect((await h.call('sales.quote', { meterNumber: b, amountMinor: 5000 })).tariff.scheduleName.en).toBe('Commercial flat rate');
  });

  it("pages a group's meters in number order, and counts each schedule's meters through their groups", async () => {
    const count = async (code: string) => (await h.call('tariffs.list', {})).find((s) => s.code === code)!.meters;
    const [resBefore, comBefore] = [await count('RES-TOU'), await count('COM-FLAT')];
    const moved = DEMO_STS_METERS.slice(0, 5).map((m) => m.number).filter((n) => n !== DEMO_GROUP.meter);
    await h.call('tariffs.assign', { groupCode: DEMO_GROUP.code, meterNumbers: moved });
    const all = [...moved, DEMO_GROUP.meter].sort();
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await h.call('tariffs.groupMeters', { groupCode: DEMO_GROUP.code, limit: 2, ...(after ? { after } : {}) });
      expect(page.numbers.length).toBeLessThanOrEqual(2);
      seen.push(...page.numbers);
      after = page.next ?? undefined;
      pages++;
    } while (after);
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 2));
    expect((await h.call('tariffs.groups', {})).find((g) => g.code === DEMO_GROUP.code)?.meterCount).toBe(all.length);
    // The group is on COM-FLAT: the moved meters now count there, not on RES-TOU.
    expect(await count('COM-FLAT')).toBe(comBefore + moved.length);
    expect(await count('RES-TOU')).toBe(resBefore - moved.length);
    expect(await h.raw('tariffs.groupMeters', { groupCode: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: { ar: expect.stringContaining('NOPE') } } });
  });

  it('refuses unknown meters, groups and schedules, and changes nothing', async () => {
    const r = await h.raw('tariffs.assign', { scheduleCode: 'COM-FLAT', meterNumbers: [a, '04000001034'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'METER_NOT_FOUND', message: { en: expect.stringContaining('04000001034'), ar: expect.stringContaining('04000001034') } } });
    expect((await h.call('meters.creditInfo', { meterNumber: a })).scheduleCode).toBe('RES-TOU');
    expect(await h.raw('tariffs.assign', { groupCode: 'NOPE', meterNumbers: [a] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.raw('tariffs.saveGroup', { code: 'G1', name: { ar: 'م', en: 'G' }, scheduleCode: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.raw('tariffs.assign', { scheduleCode: 'COM-FLAT', meterNumbers: [] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await h.login('cashier', '1111');
    expect(await h.raw('tariffs.assign', { scheduleCode: 'COM-FLAT', meterNumbers: [a] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.raw('tariffs.saveGroup', { code: 'G1', name: { ar: 'م', en: 'G' }, scheduleCode: 'COM-FLAT' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.raw('tariffs.groups', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('charges the monthly fee on the first purchase of the month only, and stores every deduction', async () => {
    await h.login('cashier', '1111');
    const m = DEMO_GROUP.meter; // COM-FLAT: 250/kWh, VAT 5%, 500 monthly fee
    const first = await h.call('sales.sell', await h.confirmed({ meterNumber: m, amountMinor: 5000, tenderedMinor: 5000, paymentMethod: 'cash' }));
    expect(first.deductions.find((d) => d.kind === 'fee')).toMatchObject({ amountMinor: 500, label: { ar: expect.stringContaining('الشهرية'), en: expect.stringContaining('Monthly') } });
    expect(first.energyTenths).toBe(171); // 4500 left: 17.1 kWh = 4275 + VAT 214 = 4489
    const second = await h.call('sales.quote', { meterNumber: m, amountMinor: 5000 });
    expect(second.deductions.some((d) => d.kind === 'fee')).toBe(false);
    // 21:00Z on 30 Nov is 00:00 on 1 Dec in Aden: a new month, the fee is due again.
    const december = await h.call('sales.quote', { meterNumber: m, amountMinor: 5000, at: '2026-11-30T21:00:00.000Z' });
    expect(december.deductions.find((d) => d.kind === 'fee')?.amountMinor).toBe(500);
    const stored = await h.call('sales.get', { id: first.id });
    expect(stored.deductions).toEqual(first.deductions);
    expect(stored.valueMinor + stored.deductions.reduce((s, d) => s + d.amountMinor, 0)).toBe(stored.chargedMinor);
  });
});
