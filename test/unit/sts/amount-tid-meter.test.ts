import { describe, expect, it } from 'vitest';
import {
  AMOUNT_MAX,
  dateFromTid,
  decodeAmount,
  encodeAmount,
  isValidMeterNumber,
  luhnDigit,
  meterPan,
  nextTid,
  TID_MAX,
  tidFromDate,
} from '../../../main/sts';

const code = (c: string) => expect.objectContaining({ code: c });

describe('amount encoding', () => {
  it.each([
    // [tenths, field, decoded value]
    [0, 0x0000, 0],
    [1, 0x0001, 1],
    [16383, 0x3fff, 16383], // top of e=0
    [16384, 0x4000, 16384], // bottom of e=1
    [16385, 0x4001, 16394], // rounds up to the next 10
    [16394, 0x4001, 16394],
    [20000, 0x416a, 20004], // 2000.0 kWh is not representable: 2000.4 is credited
    [180214, 0x7fff, 180214], // top of e=1
    [180215, 0x8000, 180224], // in the gap: up to the bottom of e=2
    [180223, 0x8000, 180224],
    [180224, 0x8000, 180224],
    [180225, 0x8001, 180324],
    [1818524, 0xbfff, 1818524], // top of e=2
    [1818525, 0xc000, 1818624],
    [1818624, 0xc000, 1818624],
    [1818625, 0xc001, 1819624],
    [18201624, 0xffff, 18201624], // the largest amount
  ])('%i tenths -> field %i', (tenths, field, back) => {
    expect(encodeAmount(tenths)).toBe(field);
    expect(decodeAmount(field)).toBe(back);
  });
  it('refuses what it cannot encode', () => {
    expect(AMOUNT_MAX).toBe(18201624);
    for (const bad of [-1, 18201625, 1.5, NaN, Infinity]) expect(() => encodeAmount(bad)).toThrow(code('AMOUNT_RANGE'));
  });
  it('is monotonic and never rounds down (every field value round-trips)', () => {
    let prev = -1;
    for (let f = 0; f <= 0xffff; f++) {
      const v = decodeAmount(f);
      expect(v).toBeGreaterThan(prev);
      expect(encodeAmount(v)).toBe(f);
      prev = v;
    }
  });
});

describe('TID', () => {
  it('counts whole minutes from each base date (UTC)', () => {
    expect(tidFromDate(new Date('1996-03-25T13:55:00Z'), 1993)).toBe(1698595); // IEC example
    expect(tidFromDate(new Date('2014-01-01T08:00:59.999Z'), 2014)).toBe(480);
    expect(tidFromDate(new Date('2035-01-01T00:00:00Z'), 2035)).toBe(0);
    expect(dateFromTid(1698595, 1993).toISOString()).toBe('1996-03-25T13:55:00.000Z');
  });
  it('the 1993 base ran out at 2024-11-24 20:16 UTC (the TID rollover)', () => {
    expect(tidFromDate(new Date('2024-11-24T20:15:59Z'), 1993)).toBe(TID_MAX);
    expect(() => tidFromDate(new Date('2024-11-24T20:16:00Z'), 1993)).toThrow(code('TID_OVERFLOW'));
    expect(dateFromTid(TID_MAX, 1993).toISOString()).toBe('2024-11-24T20:15:00.000Z');
    expect(() => tidFromDate(new Date('2045-11-24T20:16:00Z'), 2014)).toThrow(code('TID_OVERFLOW'));
    expect(tidFromDate(new Date('2045-11-24T20:15:00Z'), 2014)).toBe(TID_MAX);
  });
  it('refuses a time before the base date', () => {
    expect(() => tidFromDate(new Date('2013-12-31T23:59:00Z'), 2014)).toThrow(code('TID_BEFORE_BASE'));
    expect(() => tidFromDate(new Date('nonsense'), 2014)).toThrow(code('BAD_INPUT'));
    expect(() => tidFromDate(new Date(), 2000 as never)).toThrow(code('BAD_INPUT'));
  });
  it('nextTid is strictly increasing per meter and refuses overflow', () => {
    expect(nextTid(null, 100)).toBe(100);
    expect(nextTid(99, 100)).toBe(100);
    expect(nextTid(100, 100)).toBe(101); // second token in the same minute
    expect(nextTid(150, 100)).toBe(151); // clock went back: still increasing
    expect(nextTid(TID_MAX - 1, 5)).toBe(TID_MAX);
    expect(() => nextTid(TID_MAX, TID_MAX)).toThrow(code('TID_OVERFLOW'));
    expect(() => nextTid(null, TID_MAX + 1)).toThrow(code('TID_OVERFLOW'));
    expect(() => nextTid(null, -1)).toThrow(code('BAD_INPUT'));
  });
});

describe('meter numbers', () => {
  it('Luhn digit', () => {
    expect(luhnDigit('7992739871')).toBe(3);
    expect(luhnDigit('60072700000000000')).toBe(9);
    expect(() => luhnDigit('12a')).toThrow(code('BAD_INPUT'));
  });
  it('11- and 13-digit meter numbers with their check digit', () => {
    expect(isValidMeterNumber('04123456784')).toBe(luhnDigit('0412345678') === 4);
    expect(isValidMeterNumber('00000000000')).toBe(true);
    expect(isValidMeterNumber('0100000000008')).toBe(true);
    expect(isValidMeterNumber('0100000000007')).toBe(false);
    expect(isValidMeterNumber('123456789012')).toBe(false); // 12 digits
    expect(isValidMeterNumber('0000000000a')).toBe(false);
  });
  it('PAN = IIN || meter || Luhn (the CTSA PANs)', () => {
    expect(meterPan('00000000000')).toBe('600727000000000009');
    expect(meterPan('0100000000008')).toBe('000001000000000082');
  });
  it('refuses a wrong check digit or length', () => {
    expect(() => meterPan('0100000000007')).toThrow(code('BAD_CHECK_DIGIT'));
    expect(() => meterPan('00000000001')).toThrow(code('BAD_CHECK_DIGIT'));
    expect(() => meterPan('1234')).toThrow(code('BAD_METER_NUMBER'));
    expect(() => meterPan('0000000000x')).toThrow(code('BAD_METER_NUMBER'));
  });
});
