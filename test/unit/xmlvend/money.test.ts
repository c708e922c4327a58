import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoCurrency, isoDecimals } from '../../../main/common/currency';
import { currencyOfSymbol, decimalToMinor, minorToDecimal, MoneyReadError, readMoney } from '../../../main/vendors/xmlvend/money';

describe('decimalToMinor', () => {
  it('reads amounts with the ISO 4217 exponent of their currency', () => {
    expect(decimalToMinor('90.00', 'ZAR')).toBe(9000);
    expect(decimalToMinor('0', 'ZAR')).toBe(0);
    expect(decimalToMinor('1000.0', 'AOA')).toBe(100000);
    expect(decimalToMinor('100', 'AOA')).toBe(10000);
    expect(decimalToMinor('-180.00', 'ZAR')).toBe(-18000);
    expect(decimalToMinor('-0.00', 'ZAR')).toBe(0);
    expect(Object.is(decimalToMinor('-0', 'ZAR'), -0)).toBe(false);
    expect(decimalToMinor('1.234', 'LYD')).toBe(1234);
    expect(decimalToMinor('12.5', 'LYD')).toBe(12500);
    expect(decimalToMinor('0.005', 'LYD')).toBe(5);
    expect(decimalToMinor('500', 'JPY')).toBe(500);
    expect(decimalToMinor('99875538.95', 'AOA')).toBe(9987553895);
    expect(decimalToMinor('007.50', 'ZAR')).toBe(750);
  });

  it('takes trailing zeros beyond the exponent, never other digits', () => {
    expect(decimalToMinor('900.00000000', 'AOA')).toBe(90000);
    expect(decimalToMinor('1018600.000', 'AOA')).toBe(101860000);
    expect(decimalToMinor('500.00', 'JPY')).toBe(500);
    // Only zeros past the exponent: the same rule that must read Conlog's "900.00000000" AOA. A
    // tariff step's rate ("2.46000") is never read as an amount (read.ts keeps rates as sent).
    expect(decimalToMinor('2.46000', 'AOA')).toBe(246);
    expect(() => decimalToMinor('2.46500', 'AOA')).toThrow(/more decimals than AOA allows \(2\)/);
    expect(() => decimalToMinor('2.461', 'AOA')).toThrow(MoneyReadError);
    expect(() => decimalToMinor('500.5', 'JPY')).toThrow(/more decimals than JPY allows \(0\)/);
    expect(() => decimalToMinor('1.2345', 'LYD')).toThrow(/LYD allows \(3\)/);
  });

  it('is exact where floating point is not (0.29 * 100 is 28.999999999999996 in a double)', () => {
    expect(decimalToMinor('0.29', 'ZAR')).toBe(29);
    expect(decimalToMinor('1.005', 'LYD')).toBe(1005);
    expect(decimalToMinor('90071992547409.91', 'ZAR')).toBe(9007199254740991);
  });

  it('refuses what is not a plain decimal', () => {
    for (const bad of ['', '   ', 'null', 'NaN', 'Infinity', '1e3', '1E3', '9 0', '90 .00', '+5', '.5', '5.', '0x10', '1,000.00', '١٢٣', '--1', '12..0', '12.0.0']) {
      expect(() => decimalToMinor(bad, 'ZAR'), bad).toThrow(MoneyReadError);
    }
  });

  it('ignores XML whitespace around the value only', () => {
    expect(decimalToMinor(' 90.00\n', 'ZAR')).toBe(9000);
    expect(() => decimalToMinor('9 0.00', 'ZAR')).toThrow(/not a decimal amount/);
  });

  it('refuses an amount too large to hold exactly and a currency that is not ISO 4217', () => {
    expect(() => decimalToMinor('90071992547409.92', 'ZAR')).toThrow(/too large/);
    expect(() => decimalToMinor('1', 'R')).toThrow(/not an ISO 4217/);
    expect(() => decimalToMinor('1', 'zar')).toThrow(/not an ISO 4217/);
    expect(() => decimalToMinor('1', 'QQQ')).toThrow(/not an ISO 4217/);
  });
});

describe('minorToDecimal', () => {
  it('writes the decimals of the currency', () => {
    expect(minorToDecimal(9000, 'ZAR')).toBe('90.00');
    expect(minorToDecimal(-18000, 'ZAR')).toBe('-180.00');
    expect(minorToDecimal(5, 'ZAR')).toBe('0.05');
    expect(minorToDecimal(1234, 'LYD')).toBe('1.234');
    expect(minorToDecimal(5, 'JPY')).toBe('5');
    expect(minorToDecimal(0, 'AOA')).toBe('0.00');
  });
  it('refuses a fraction of a minor unit', () => {
    expect(() => minorToDecimal(1.5, 'ZAR')).toThrow(MoneyReadError);
    expect(() => minorToDecimal(Number.NaN, 'ZAR')).toThrow(MoneyReadError);
    expect(() => minorToDecimal(2 ** 53, 'ZAR')).toThrow(MoneyReadError);
  });
});

describe('currencyOfSymbol', () => {
  it('takes ISO codes as they are and "R" as the South African rand', () => {
    expect(currencyOfSymbol('AOA')).toBe('AOA');
    expect(currencyOfSymbol('lyd')).toBe('LYD');
    expect(currencyOfSymbol('XCG')).toBe('XCG');
    expect(currencyOfSymbol('R')).toBe('ZAR');
    expect(currencyOfSymbol('R', 'LYD')).toBe('ZAR');
    expect(currencyOfSymbol('AOA', 'LYD')).toBe('AOA');
  });
  it('reads any other symbol as the server currency, and refuses it without one', () => {
    expect(() => currencyOfSymbol('AZM')).toThrow(/"AZM" is not an ISO 4217 code/);
    expect(() => currencyOfSymbol('LD')).toThrow(MoneyReadError);
    expect(() => currencyOfSymbol('')).toThrow(MoneyReadError);
    expect(currencyOfSymbol('LD', 'LYD')).toBe('LYD');
    expect(currencyOfSymbol('AZM', 'ZAR')).toBe('ZAR');
    expect(() => currencyOfSymbol('LD', 'XX')).toThrow(/not an ISO 4217/);
  });
  it('readMoney puts the two together', () => {
    expect(readMoney('78.26', 'R')).toEqual({ currency: 'ZAR', minor: 7826 });
    expect(readMoney('12.345', 'LD', 'LYD')).toEqual({ currency: 'LYD', minor: 12345 });
  });
});

describe('ISO 4217 through ICU', () => {
  it('knows the currencies of the servers and their exponents', () => {
    expect(['ZAR', 'AOA', 'LYD', 'XCG', 'JPY', 'KWD'].map(isoDecimals)).toEqual([2, 2, 3, 2, 0, 3]);
    expect(['ZAR', 'AOA', 'LYD', 'XCG'].every(isIsoCurrency)).toBe(true);
    expect(['R', 'AZM', 'zar', 'QQQ', 'ZA'].some(isIsoCurrency)).toBe(false);
  });
});

const CURRENCIES = ['ZAR', 'AOA', 'LYD', 'XCG', 'JPY', 'KWD', 'YER', 'USD'];
const currency = fc.constantFrom(...CURRENCIES);

describe('properties', () => {
  it('round trip: every whole number of minor units survives writing and reading', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), currency, (minor, c) => {
      expect(decimalToMinor(minorToDecimal(minor, c), c)).toBe(minor);
    }), { numRuns: 2000 });
  });

  it('equals the integer arithmetic of the written digits (BigInt), for any digits within the exponent', () => {
    fc.assert(fc.property(currency, fc.boolean(), fc.stringMatching(/^\d{1,12}$/), fc.stringMatching(/^\d{0,3}$/), (c, negative, whole, rawFrac) => {
      const frac = rawFrac.slice(0, isoDecimals(c));
      const text = `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
      const scale = 10n ** BigInt(isoDecimals(c));
      const fracScaled = frac ? BigInt(frac) * 10n ** BigInt(isoDecimals(c) - frac.length) : 0n;
      const expected = (BigInt(whole) * scale + fracScaled) * (negative ? -1n : 1n);
      expect(BigInt(decimalToMinor(text, c))).toBe(expected);
    }), { numRuns: 3000 });
  });

  it('trailing zeros never change an amount', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), currency, fc.integer({ min: 1, max: 8 }), (minor, c, zeros) => {
      const written = minorToDecimal(minor, c);
      const padded = written.includes('.') ? written + '0'.repeat(zeros) : `${written}.${'0'.repeat(zeros)}`;
      expect(decimalToMinor(padded, c)).toBe(minor);
    }));
  });

  it('a non-zero digit past the exponent is always refused', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), currency, fc.integer({ min: 1, max: 9 }), (minor, c, digit) => {
      const written = minorToDecimal(minor, c);
      const longer = written.includes('.') ? `${written}${digit}` : `${written}.${digit}`;
      expect(() => decimalToMinor(longer, c)).toThrow(/more decimals/);
    }));
  });

  it('any text that is not a plain decimal is refused, never guessed', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      fc.pre(!/^[ \t\r\n]*-?\d+(\.\d+)?[ \t\r\n]*$/.test(s));
      expect(() => decimalToMinor(s, 'ZAR')).toThrow(MoneyReadError);
    }), { numRuns: 3000 });
  });
});
