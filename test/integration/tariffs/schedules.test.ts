// Schedules as versioned data through the contract: list, get, write a new version (validated,
// bilingual refusals naming the gap or overlap), effective dates, and "price now / next change".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STS_METERS } from '../../sim/demo-data';
import { startHarness, type Harness } from '../../helpers/harness';

let h: Harness;
let clock = new Date('2026-11-22T07:00:00.000Z'); // 10:00 in Aden (UTC+3)
beforeEach(async () => {
  clock = new Date('2026-11-22T07:00:00.000Z');
  h = await startHarness({ app: { now: () => clock } });
  await h.login('supervisor', '2222');
});
afterEach(async () => h.close());

const flat = (price: string, extra: object = {}) => ({
  code: 'RES-TOU', name: { ar: 'سكني', en: 'Residential' }, maxPurchaseMinor: 500_000, minPurchaseMinor: 100, vatPercent: '5',
  periods: [{ name: { ar: 'طوال اليوم', en: 'All day' }, start: '00:00', end: '24:00', pricePerKwh: price }], ...extra,
});

describe('tariff schedules', () => {
  it('lists the demo schedules with the version in force, meters and groups', async () => {
    const list = await h.call('tariffs.list', {});
    const res = list.find((s) => s.code === 'RES-TOU')!;
    expect(res.current?.version).toBe(1);
    expect(res.current?.periods.map((p) => `${p.start}-${p.end}`)).toEqual(['23:00-07:00', '07:00-17:00', '17:00-23:00']);
    expect(res.meters).toBeGreaterThan(0);
    expect(list.find((s) => s.code === 'COM-FLAT')?.groups).toEqual(['FEEDER-3']);
  });

  it('a new version never edits the old one; sales keep the price they were sold at', async () => {
    await h.login('cashier', '1111');
    const sold = await h.call('sales.sell', await h.confirmed({ meterNumber: DEMO_STS_METERS[0]!.number, amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' }));
    expect(sold.tariff.pricePerKwh).toBe('220');
    await h.login('supervisor', '2222');
    const v2 = await h.call('tariffs.createVersion', flat('200.25', { effectiveFrom: '2026-11-22T08:00:00.000Z' }));
    expect(v2.version).toBe(2);
    expect((await h.call('tariffs.get', { code: 'RES-TOU', version: 1 })).periods).toHaveLength(3);
    expect(() => h.app.db.write.prepare(`UPDATE tariff_periods SET price_per_kwh = '1'`).run()).toThrow(/immutable/);
    // Before 08:00Z version 1 prices; from 08:00Z version 2.
    expect((await h.call('sales.quote', { meterNumber: DEMO_STS_METERS[0]!.number, amountMinor: 1000 })).tariff.pricePerKwh).toBe('220');
    const later = await h.call('sales.quote', { meterNumber: DEMO_STS_METERS[0]!.number, amountMinor: 1000, at: '2026-11-22T08:00:00.000Z' });
    expect(later.tariff).toMatchObject({ pricePerKwh: '200.25', scheduleId: v2.id, periodName: { en: 'All day' } });
    expect((await h.call('sales.get', { id: sold.id })).tariff.pricePerKwh).toBe('220');
    expect((await h.call('tariffs.versions', { code: 'RES-TOU' })).map((v) => v.version)).toEqual([2, 1]);
  });

  it('refuses a gap or an overlap, naming it in Arabic and English', async () => {
    const gap = await h.raw('tariffs.createVersion', flat('100', {
      periods: [
        { name: { ar: 'ليل', en: 'Night' }, start: '22:00', end: '06:00', pricePerKwh: '100' },
        { name: { ar: 'نهار', en: 'Day' }, start: '07:00', end: '22:00', pricePerKwh: '150' },
      ],
    }));
    expect(gap).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (gap.ok) return;
    expect(gap.error.message.en).toContain('No active period covers 06:00–07:00');
    expect(gap.error.message.ar).toContain('لا توجد فترة فعّالة تغطي \u206606:00–07:00\u2069');
    const overlap = await h.raw('tariffs.createVersion', flat('100', {
      periods: [
        { name: { ar: 'ليل', en: 'Night' }, start: '22:00', end: '08:00', pricePerKwh: '100' },
        { name: { ar: 'نهار', en: 'Day' }, start: '07:00', end: '22:00', pricePerKwh: '150' },
      ],
    }));
    expect(!overlap.ok && overlap.error.message.en).toContain('"Night" and "Day" overlap at 07:00–08:00');
    expect(!overlap.ok && overlap.error.message.ar).toContain('«ليل» و«نهار» متداخلتان في \u206607:00–08:00\u2069');
    expect((await h.call('tariffs.versions', { code: 'RES-TOU' }))).toHaveLength(1);
  });

  it('refuses malformed input and a version starting in the past, bilingually', async () => {
    const bad = await h.raw('tariffs.createVersion', flat('12.34567'));
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(!bad.ok && bad.error.message.ar).toContain('الطلب غير صالح');
    const nine = await h.raw('tariffs.createVersion', flat('1', { periods: Array.from({ length: 9 }, (_, i) => ({ name: { ar: `${i}`, en: `${i}` }, start: '00:00', end: '01:00', pricePerKwh: '1' })) }));
    expect(nine).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const past = await h.raw('tariffs.createVersion', flat('100', { effectiveFrom: '2026-11-01T00:00:00.000Z' }));
    expect(past).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: { en: expect.stringContaining('past'), ar: expect.stringContaining('الماضي') } } });
    expect(await h.raw('tariffs.get', { code: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: { ar: expect.any(String) } } });
  });

  it('tells the price now and the next change, including a version taking effect', async () => {
    const now = await h.call('tariffs.priceNow', { code: 'RES-TOU' });
    expect(now.now).toMatchObject({ pricePerKwh: '220', periodName: { en: 'Standard' } });
    expect(now.next).toMatchObject({ at: '2026-11-22T14:00:00.000Z', pricePerKwh: '300.5', version: 1 });
    await h.call('tariffs.createVersion', flat('199', { effectiveFrom: '2026-11-22T09:30:00.000Z' }));
    const after = await h.call('tariffs.priceNow', { code: 'RES-TOU' });
    expect(after.next).toMatchObject({ at: '2026-11-22T09:30:00.000Z', pricePerKwh: '199', version: 2 });
  });

  it('is for supervisors: a cashier is refused, bilingually', async () => {
    await h.login('cashier', '1111');
    for (const [channel, input] of [['tariffs.list', {}], ['tariffs.createVersion', flat('1')], ['tariffs.versions', { code: 'RES-TOU' }], ['tariffs.get', { code: 'RES-TOU' }]] as const) {
      const r = await h.raw(channel, input);
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: { ar: expect.stringContaining('صلاحيتك'), en: expect.any(String) } } });
    }
    expect((await h.call('tariffs.priceNow', { code: 'RES-TOU' })).now?.pricePerKwh).toBe('220'); // cashiers may ask the price
  });
});
