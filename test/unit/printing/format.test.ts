import { describe, expect, it } from 'vitest';
import { formatEnergy, formatLocalDateTime, formatMoney, formatPricePerKwh, groupToken } from '../../../main/printing/format';

describe('receipt number formatting', () => {
  it('formats minor units exactly, with grouping', () => {
    expect(formatMoney(0, 2)).toBe('0.00');
    expect(formatMoney(5, 2)).toBe('0.05');
    expect(formatMoney(123456, 2)).toBe('1,234.56');
    expect(formatMoney(100000000001, 2)).toBe('1,000,000,000.01');
    expect(formatMoney(1500, 0)).toBe('1,500');
    expect(formatMoney(1005, 3)).toBe('1.005');
    expect(formatMoney(-250, 2)).toBe('-2.50');
    expect(() => formatMoney(1.5, 2)).toThrow(RangeError);
  });

  it('formats energy from tenths of a kWh', () => {
    expect(formatEnergy(125)).toBe('12.5');
    expect(formatEnergy(0)).toBe('0.0');
    expect(formatEnergy(1234567)).toBe('123,456.7');
  });

  it('shifts a per-kWh price from minor to major units without floats', () => {
    expect(formatPricePerKwh('12.5000', 2)).toBe('0.125');
    expect(formatPricePerKwh('100.0000', 2)).toBe('1.00');
    expect(formatPricePerKwh('5', 2)).toBe('0.05');
    expect(formatPricePerKwh('12.5000', 0)).toBe('12.5');
    expect(formatPricePerKwh('0.0001', 3)).toBe('0.0000001');
    expect(formatPricePerKwh('123456.7', 2)).toBe('1,234.567');
    expect(() => formatPricePerKwh('1e3', 2)).toThrow(RangeError);
  });

  it('shows local time in the counter time zone', () => {
    expect(formatLocalDateTime('2026-03-14T15:05:09Z', 'Asia/Riyadh')).toBe('2026-03-14 18:05:09');
    expect(formatLocalDateTime('2026-03-14T23:30:00Z', 'Asia/Aden')).toBe('2026-03-15 02:30:00');
    expect(formatLocalDateTime('2026-07-01T00:00:00Z', 'Europe/London')).toBe('2026-07-01 01:00:00');
  });

  it('groups a token in fives of four and refuses anything that is not 20 digits', () => {
    expect(groupToken('12345678901234567890')).toEqual(['1234', '5678', '9012', '3456', '7890']);
    expect(() => groupToken('1234')).toThrow();
  });
});
