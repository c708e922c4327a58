import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoney, keepAmountChars, minorToDecimalString, minorToInput, normalizeDigits, parseMajorToMinor } from './money';
import { formatTenths, pricePerKwhMajor } from './energy';
import { groupToken } from './token';

describe('minor units <-> text, exactly', () => {
  it('splits minor units into units and fraction as strings', () => {
    expect(minorToDecimalString(12345, 2)).toBe('123.45');
    expect(minorToDecimalString(5, 2)).toBe('0.05');
    expect(minorToDecimalString(0, 3)).toBe('0.000');
    expect(minorToDecimalString(999_999_999_999, 2)).toBe('9999999999.99');
    expect(minorToDecimalString(7, 0)).toBe('7');
  });
  it('parses typed major units without float arithmetic', () => {
    expect(parseMajorToMinor('100', 2)).toEqual({ ok: true, minor: 10000 });
    expect(parseMajorToMinor('100.5', 2)).toEqual({ ok: true, minor: 10050 });
    expect(parseMajorToMinor('100.50', 2)).toEqual({ ok: true, minor: 10050 });
    expect(parseMajorToMinor('0.29', 2)).toEqual({ ok: true, minor: 29 }); // 0.29*100 = 28.999… in floats
    expect(parseMajorToMinor(' 1.005 ', 3)).toEqual({ ok: true, minor: 1005 });
    expect(parseMajorToMinor('١٠٠٫٥', 2)).toEqual({ ok: true, minor: 10050 });
    expect(parseMajorToMinor('100.', 2)).toEqual({ ok: true, minor: 10000 });
    expect(parseMajorToMinor('0', 2, { allowZero: true })).toEqual({ ok: true, minor: 0 });
  });
  it('refuses bad input with a message in both languages', () => {
    for (const bad of ['', 'abc', '1,000', '-5', '1.2.3', '1e3', '0', '1.234', '99999999999999']) {
      const r = parseMajorToMinor(bad, 2);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) {
        expect(r.message.ar.length).toBeGreaterThan(0);
        expect(r.message.en.length).toBeGreaterThan(0);
      }
    }
    expect(parseMajorToMinor('12.5', 0).ok).toBe(false);
  });
  it('formats with the currency and grouping, Latin digits', () => {
    expect(formatMoney(123456, 'SAR', 2, 'en')).toMatch(/1,234\.56/);
    expect(formatMoney(5000, 'YER', 0, 'en')).toMatch(/5,000$/);
    expect(formatMoney(5000, 'YER', 0, 'ar')).toMatch(/5,000/);
    expect(formatMoney(123456789012345, 'SAR', 2, 'en')).toMatch(/1,234,567,890,123\.45/); // beyond float-exact cents
    expect(minorToInput(10050, 2)).toBe('100.5');
    expect(minorToInput(10000, 2)).toBe('100');
    expect(normalizeDigits('٠١٢٣٤٥٦٧٨٩۰۹')).toBe('012345678909');
  });
});

describe('energy, prices, tokens', () => {
  it('formats tenths of a kWh', () => {
    expect(formatTenths(125, 'en')).toBe('12.5');
    expect(formatTenths(3, 'en')).toBe('0.3');
    expect(formatTenths(12340, 'en')).toBe('1,234.0');
  });
  it('turns a price in minor units per kWh into major units exactly', () => {
    expect(pricePerKwhMajor('12.5000', 2)).toBe('0.125');
    expect(pricePerKwhMajor('1250', 2)).toBe('12.50');
    expect(pricePerKwhMajor('300.5', 0)).toBe('300.5');
    expect(pricePerKwhMajor('12', 0)).toBe('12');
  });
  it('groups a token in fours', () => {
    expect(groupToken('12345678901234567890')).toBe('1234 5678 9012 3456 7890');
    expect(groupToken('1234-5678 9012')).toBe('1234 5678 9012');
  });
});

describe('digits', () => {
  it('Arabic-Indic digits when the counter prefers them, Latin otherwise', () => {
    expect(formatAmount(123456, 0, 'ar-arab')).toBe('١٢٣٬٤٥٦');
    expect(formatAmount(123456, 0, 'ar')).toBe('123,456');
  });
});

describe('keepAmountChars: what a cash field keeps as it is typed or tapped', () => {
  it('keeps digits (Arabic-Indic made Latin) and decimal points, drops the rest', () => {
    expect(keepAmountChars('١٢٣٫٥')).toBe('123.5');
    expect(keepAmountChars('۱۲۳')).toBe('123');
    expect(keepAmountChars('1,000 SAR')).toBe('1000');
    expect(keepAmountChars('-50')).toBe('50');
    expect(keepAmountChars('')).toBe('');
  });
  it('stops at 16 characters', () => {
    expect(keepAmountChars('12345678901234567890')).toBe('1234567890123456');
  });
  it('leaves the exact reading to parseMajorToMinor (one decimal point, the currency\'s places)', () => {
    expect(parseMajorToMinor(keepAmountChars('٥٠٠٠٠'), 2, { allowZero: true })).toEqual({ ok: true, minor: 5_000_000 });
    expect(parseMajorToMinor(keepAmountChars('1.2.3'), 2).ok).toBe(false);
  });
});
