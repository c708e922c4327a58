import { StsError } from './errors';

/**
 * Meter numbers and the 18-digit meter PAN.
 *  - 11 digits: manufacturer(2) serial(8) Luhn -> IIN 600727
 *  - 13 digits: manufacturer(4) serial(8) Luhn -> IIN 0000
 * PAN = IIN || meter number || Luhn(IIN || meter number).
 */
export const IIN_11 = '600727';
export const IIN_13 = '0000';

/** The Luhn check digit to append to `digits` (the rightmost payload digit is doubled). */
export function luhnDigit(digits: string): number {
  if (typeof digits !== 'string' || !/^\d+$/.test(digits)) {
    throw new StsError('BAD_INPUT', 'Luhn input must be decimal digits');
  }
  let sum = 0;
  let double = true;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

function hasValidCheckDigit(digits: string): boolean {
  return luhnDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}

export function isValidMeterNumber(meterNumber: string): boolean {
  return typeof meterNumber === 'string' && /^(\d{11}|\d{13})$/.test(meterNumber) && hasValidCheckDigit(meterNumber);
}

export function meterPan(meterNumber: string): string {
  if (typeof meterNumber !== 'string' || !/^(\d{11}|\d{13})$/.test(meterNumber)) {
    throw new StsError('BAD_METER_NUMBER', 'meter number must be 11 or 13 digits');
  }
  if (!hasValidCheckDigit(meterNumber)) throw new StsError('BAD_CHECK_DIGIT', 'meter number check digit is wrong');
  const body = (meterNumber.length === 11 ? IIN_11 : IIN_13) + meterNumber;
  return body + String(luhnDigit(body));
}

/** Checks an 18-digit PAN (digits and its own Luhn digit) and returns it. */
export function checkPan(pan: unknown): string {
  if (typeof pan !== 'string' || !/^\d{18}$/.test(pan)) throw new StsError('BAD_METER_NUMBER', 'meter PAN must be 18 digits');
  if (!hasValidCheckDigit(pan)) throw new StsError('BAD_CHECK_DIGIT', 'meter PAN check digit is wrong');
  return pan;
}
