import type { ErrorCode } from '../../preload/contract';
import type { ErrorSlot } from '../stores/sale';

/** Which field an error from quote/sell belongs next to. */
export function slotFor(code: ErrorCode, fallback: ErrorSlot): ErrorSlot {
  switch (code) {
    case 'METER_NOT_FOUND':
    case 'BAD_METER_NUMBER':
      return 'meter';
    case 'AMOUNT_TOO_SMALL':
    case 'AMOUNT_TOO_LARGE':
      return 'amount';
    case 'TENDERED_TOO_LOW':
      return 'tendered';
    default:
      return fallback;
  }
}
