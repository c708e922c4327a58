/**
 * The one error type of the STS engine.
 *
 * Messages are written to be safe to log and to show a cashier: they name the field that is
 * wrong and the rule it broke, never its value. Vending keys and decoder keys are secrets, so a
 * message must not echo them (nor anything derived from them).
 */
export type StsErrorCode =
  | 'BAD_CHECK_DIGIT'
  | 'BAD_METER_NUMBER'
  | 'TID_OVERFLOW'
  | 'TID_BEFORE_BASE'
  | 'AMOUNT_RANGE'
  | 'BAD_KEY'
  | 'BAD_TOKEN'
  | 'CRC_MISMATCH'
  | 'BAD_INPUT'
  | 'UNSUPPORTED';

export class StsError extends Error {
  readonly code: string;
  constructor(code: StsErrorCode | (string & {}), message: string) {
    super(message);
    this.name = 'StsError';
    this.code = code;
  }
}

/** Refuses anything that is not an integer in [min, max]; `what` names the field, not its value. */
export function checkInt(value: unknown, min: number, max: number, what: string, code: StsErrorCode = 'BAD_INPUT'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new StsError(code, `${what} must be an integer from ${min} to ${max}`);
  }
  return value;
}
