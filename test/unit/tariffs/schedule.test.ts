import { describe, expect, it } from 'vitest';
import { activePeriod, localMinuteOfDay, scheduleProblems, type TariffPeriod, type TariffSchedule } from '../../../main/tariffs/pricing/schedule';

const p = (en: string, start: string, end: string, price = '100'): TariffPeriod => {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return { name: { en, ar: en }, startMinute: m(start), endMinute: end === '24:00' ? 1440 : m(end), pricePerKwh: price, active: true };
};
const tou = [p('Off-peak', '23:00', '07:00'), p('Standard', '07:00', '17:00'), p('Peak', '17:00', '23:00')];
const schedule: TariffSchedule = { id: 1, code: 'T', name: { ar: 'ت', en: 'T' }, vatPercent: '0', feeMinor: 0, minPurchaseMinor: 1, maxPurchaseMinor: 1e6, periods: tou };

describe('tariff schedules', () => {
  it('accept a day covered exactly, with a period crossing midnight', () => {
    expect(scheduleProblems(tou)).toEqual([]);
  });
  it('name the gap or the overlap', () => {
    expect(scheduleProblems([p('A', '00:00', '10:00'), p('B', '11:00', '24:00')])).toEqual([{ en: 'No active period covers 10:00–11:00.', ar: 'لا توجد فترة فعّالة تغطي \u206610:00–11:00\u2069.' }]);
    expect(scheduleProblems([p('A', '00:00', '12:00'), p('B', '11:00', '24:00')]).map((x) => x.en)).toEqual(['"A" and "B" overlap at 11:00–12:00.']);
    expect(scheduleProblems(Array.from({ length: 9 }, (_, i) => p(`P${i}`, `${String(i).padStart(2, '0')}:00`, `${String(i + 1).padStart(2, '0')}:00`)))[0]!.en).toMatch(/at most 8/);
  });
  it('pick the period on the counter\'s wall clock', () => {
    // Asia/Aden is UTC+3: 20:30Z is 23:30 local (off-peak), 14:00Z is 17:00 local (peak starts).
    expect(activePeriod(schedule, new Date('2026-11-22T20:30:00Z'), 'Asia/Aden')?.name.en).toBe('Off-peak');
    expect(activePeriod(schedule, new Date('2026-11-22T14:00:00Z'), 'Asia/Aden')?.name.en).toBe('Peak');
    expect(activePeriod(schedule, new Date('2026-11-22T13:59:00Z'), 'Asia/Aden')?.name.en).toBe('Standard');
  });
  it('follow daylight saving time (Cairo, UTC+3 in summer, UTC+2 in winter)', () => {
    expect(localMinuteOfDay(new Date('2026-07-01T14:00:00Z'), 'Africa/Cairo')).toBe(17 * 60);
    expect(localMinuteOfDay(new Date('2026-12-01T14:00:00Z'), 'Africa/Cairo')).toBe(16 * 60);
  });
});

describe('schedule validation, bilingual', () => {
  it('names a gap across midnight as one range, in both languages', () => {
    const [gap] = scheduleProblems([p('Day', '01:00', '23:00')]);
    expect(gap).toEqual({ en: 'No active period covers 23:00–01:00.', ar: 'لا توجد فترة فعّالة تغطي \u206623:00–01:00\u2069.' });
  });
  it('names each overlapping pair with its range', () => {
    const problems = scheduleProblems([p('Night', '22:00', '02:00'), p('Late', '01:00', '06:00'), p('Day', '06:00', '23:00')]);
    expect(problems.map((x) => x.en)).toEqual(['"Night" and "Late" overlap at 01:00–02:00.', '"Night" and "Day" overlap at 22:00–23:00.']);
    expect(problems[0]!.ar).toContain('متداخلتان');
  });
  it('ignores inactive periods for coverage (a switched-off period may overlap) but checks every price', () => {
    const off = { ...p('Old peak', '17:00', '23:00'), active: false };
    expect(scheduleProblems([...tou, off])).toEqual([]);
    expect(scheduleProblems([p('All day', '00:00', '24:00', '12.34567')])[0]!.en).toMatch(/at most 4 decimals/);
    expect(scheduleProblems([p('All day', '00:00', '00:00', '0')])[0]!.en).toMatch(/above zero/);
  });
  it('accepts one flat period for the whole day, written 00:00-24:00 or 00:00-00:00', () => {
    expect(scheduleProblems([p('Flat', '00:00', '24:00')])).toEqual([]);
    expect(scheduleProblems([p('Flat', '00:00', '00:00')])).toEqual([]);
  });
});
