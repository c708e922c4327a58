// XMLVend amounts are xs:decimal strings with a currency symbol (<amt value="78.26" symbol="R"/>).
// They become integer minor units by string arithmetic with the currency's ISO 4217 exponent, never
// through a float: "0.1" + "0.2" must stay 30 fils, and 99875538.95 must not drift.
import { isIsoCurrency, isoDecimals } from '../../common/currency';
import { formatMinor } from '../../common/money';

export class MoneyReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyReadError';
  }
}

/** An exact amount: integer minor units of an ISO 4217 currency (ZAR 9000 = R 90.00). */
export interface Money {
  currency: string;
  minor: number;
}

// Optional minus, digits, optionally a point and digits: what servers write for xs:decimal. No
// exponent, no plus, no group separators, no bare ".5" or "5." (xs:decimal allows the last two,
// but no server sends them and accepting less keeps the reader simple to reason about).
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

function requireCurrency(currency: string): void {
  if (!isIsoCurrency(currency)) throw new MoneyReadError(`"${currency}" is not an ISO 4217 currency code`);
}

/**
 * A decimal string in a currency -> integer minor units ("90.00" ZAR -> 9000, "1000.0" AOA ->
 * 100000, "-180.00" ZAR -> -18000). More decimals than the currency has are accepted only when
 * the extra ones are zeros ("900.00000000" AOA is 90000); "2.46000" AOA is a rate, not an amount,
 * and is refused. Surrounding XML whitespace is ignored; anything else is a MoneyReadError.
 */
export function decimalToMinor(value: string, currency: string): number {
  requireCurrency(currency);
  const text = value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  if (text === '') throw new MoneyReadError('empty amount');
  const m = DECIMAL.exec(text);
  if (!m) throw new MoneyReadError(`"${value}" is not a decimal amount`);
  const sign = m[1] ?? '';
  const whole = m[2] ?? '';
  const frac = m[3] ?? '';
  const exponent = isoDecimals(currency);
  const kept = frac.slice(0, exponent);
  const dropped = frac.slice(exponent);
  if (/[^0]/.test(dropped)) throw new MoneyReadError(`"${value}" has more decimals than ${currency} allows (${exponent})`);
  const digits = BigInt(whole + kept.padEnd(exponent, '0'));
  if (digits > MAX) throw new MoneyReadError(`"${value}" ${currency} is too large to hold exactly`);
  const minor = Number(digits);
  return sign === '-' && minor !== 0 ? -minor : minor;
}

/** Integer minor units -> the decimal string a request carries (9000 ZAR -> "90.00", 5 JPY -> "5"). */
export function minorToDecimal(minor: number, currency: string): string {
  requireCurrency(currency);
  if (!Number.isSafeInteger(minor)) throw new MoneyReadError(`${String(minor)} is not a whole number of minor units`);
  return formatMinor(minor, isoDecimals(currency));
}

/**
 * The ISO 4217 code an amount's symbol stands for. A current ISO code is taken as is. "R" is the
 * South African rand: NRS 009 comes from South Africa, its examples and South African servers
 * (Hexing's for Centlec among the samples) write the printed symbol instead of "ZAR". Any other
 * symbol (withdrawn codes such as "AZM", local signs such as "LD") means whatever currency the
 * server is configured for, when the caller says so; without that it is a MoneyReadError.
 */
export function currencyOfSymbol(symbol: string, serverCurrency?: string): string {
  const s = symbol.trim();
  if (/^[A-Za-z]{3}$/.test(s) && isIsoCurrency(s.toUpperCase())) return s.toUpperCase();
  if (s === 'R') return 'ZAR';
  if (serverCurrency !== undefined) {
    requireCurrency(serverCurrency);
    return serverCurrency;
  }
  throw new MoneyReadError(`currency symbol "${symbol}" is not an ISO 4217 code (give the server's currency to read it)`);
}

/** value + symbol as sent -> Money, with the rules of currencyOfSymbol and decimalToMinor. */
export function readMoney(value: string, symbol: string, serverCurrency?: string): Money {
  const currency = currencyOfSymbol(symbol, serverCurrency);
  return { currency, minor: decimalToMinor(value, currency) };
}
