import { describe, expect, it } from 'vitest';
import { activePeriod, localMinuteOfDay, scheduleProblems, type TariffPeriod, type TariffSchedule } from '../../../main/tariffs/schedule';

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
    expect(scheduleProblems([p('A', '00:00', '10:00'), p('B', '11:00', '24:00')])).toEqual(['no period covers 10:00-11:00']);
    expect(scheduleProblems([p('A', '00:00', '12:00'), p('B', '11:00', '24:00')])).toEqual(['"A" and "B" overlap at 11:00']);
    expect(scheduleProblems(Array.from({ length: 9 }, (_, i) => p(`P${i}`, `${String(i).padStart(2, '0')}:00`, `${String(i + 1).padStart(2, '0')}:00`)))[0]).toMatch(/at most 8/);
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
