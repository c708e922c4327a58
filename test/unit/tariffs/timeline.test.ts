// "Next change" is found on the counter's wall clock, across midnight and across DST jumps.
import { describe, expect, it } from 'vitest';
import { nextPeriodChange } from '../../../main/tariffs/pricing/timeline';
import { localMonth } from '../../../main/tariffs/pricing/time';
import type { TariffPeriod, TariffSchedule } from '../../../main/tariffs/pricing/schedule';

const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
const p = (en: string, start: string, end: string, price: string): TariffPeriod => ({ name: { en, ar: en }, startMinute: m(start), endMinute: end === '24:00' ? 1440 : m(end), pricePerKwh: price, active: true });
const sched = (periods: TariffPeriod[]): TariffSchedule => ({ id: 1, code: 'T', name: { ar: 'ت', en: 'T' }, vatPercent: '0', feeMinor: 0, minPurchaseMinor: 1, maxPurchaseMinor: 1e6, periods });
const tou = sched([p('Off-peak', '23:00', '07:00', '180'), p('Standard', '07:00', '17:00', '220'), p('Peak', '17:00', '23:00', '300.5')]);

describe('nextPeriodChange', () => {
  it('finds the next boundary in the counter time zone (Aden, UTC+3)', () => {
    // 10:00 local -> Peak at 17:00 local = 14:00Z
    const c = nextPeriodChange(tou, new Date('2026-11-22T07:00:00Z'), 'Asia/Aden');
    expect(c?.at.toISOString()).toBe('2026-11-22T14:00:00.000Z');
    expect(c?.period?.name.en).toBe('Peak');
  });
  it('crosses midnight: at 23:30 local the next change is 07:00 the next day', () => {
    const c = nextPeriodChange(tou, new Date('2026-11-22T20:30:00Z'), 'Asia/Aden');
    expect(c?.at.toISOString()).toBe('2026-11-23T04:00:00.000Z');
    expect(c?.period?.name.en).toBe('Standard');
  });
  it('lands on the right instant across a DST change (London, clocks back 25 Oct 2026)', () => {
    // 00:30 BST on 25 Oct (23:30Z on the 24th); off-peak ends at 07:00 GMT = 07:00Z, 7.5 h of wall clock + 1 h
    const c = nextPeriodChange(tou, new Date('2026-10-24T23:30:00Z'), 'Europe/London');
    expect(c?.at.toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });
  it('has no next change for a flat all-day schedule', () => {
    expect(nextPeriodChange(sched([p('Flat', '00:00', '24:00', '100')]), new Date(), 'Asia/Aden')).toBeNull();
  });
});

describe('localMonth', () => {
  it('uses the counter calendar, not UTC (21:30Z on 31 Jan is 1 Feb in Aden)', () => {
    expect(localMonth(new Date('2026-01-31T21:30:00Z'), 'Asia/Aden')).toBe('2026-02');
    expect(localMonth(new Date('2026-01-31T20:59:00Z'), 'Asia/Aden')).toBe('2026-01');
  });
});
