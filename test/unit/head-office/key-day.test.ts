// A vending key's last day ends at midnight in the head office's time zone, across DST changes.
import { describe, expect, it } from 'vitest';
import { endOfDay, keyExpired } from '../../../head-office/leases/key-day';

describe('the end of a key\'s last day', () => {
  it('is the next local midnight in the time zone', () => {
    expect(endOfDay('2030-06-30', 'UTC').toISOString()).toBe('2030-07-01T00:00:00.000Z');
    expect(endOfDay('2030-06-30', 'Asia/Aden').toISOString()).toBe('2030-06-30T21:00:00.000Z');
    expect(endOfDay('2030-12-31', 'America/New_York').toISOString()).toBe('2031-01-01T05:00:00.000Z');
    // The last day is the one before a DST change: midnight after it is already in summer time.
    expect(endOfDay('2030-03-09', 'America/New_York').toISOString()).toBe('2030-03-10T05:00:00.000Z');
    expect(endOfDay('2030-03-10', 'America/New_York').toISOString()).toBe('2030-03-11T04:00:00.000Z');
    expect(endOfDay('2030-10-26', 'Europe/Berlin').toISOString()).toBe('2030-10-26T22:00:00.000Z');
    expect(endOfDay('2030-10-27', 'Europe/Berlin').toISOString()).toBe('2030-10-27T23:00:00.000Z');
  });

  it('a key is expired from that instant on, and never without an expiry', () => {
    expect(keyExpired('2030-06-30', new Date('2030-06-30T20:59:59.999Z'), 'Asia/Aden')).toBe(false);
    expect(keyExpired('2030-06-30', new Date('2030-06-30T21:00:00.000Z'), 'Asia/Aden')).toBe(true);
    expect(keyExpired(null, new Date('2099-01-01T00:00:00Z'), 'Asia/Aden')).toBe(false);
  });
});
