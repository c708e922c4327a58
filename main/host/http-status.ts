import type { ErrorCode } from '../../preload/contract';

/** HTTP status for each contract error code in the browser host. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METER_NOT_FOUND: 404,
  CONFLICT: 409,
  VENDOR_UNREACHABLE: 503,
  NOT_CONFIGURED: 503,
  LOCKED_OUT: 423,
  BAD_METER_NUMBER: 422,
  AMOUNT_TOO_SMALL: 422,
  AMOUNT_TOO_LARGE: 422,
  TENDERED_TOO_LOW: 422,
  NO_TARIFF: 422,
  NOTHING_OWED: 409,
  WRONG_PAYMENT_MODE: 409,
  VENDOR_REFUSED: 422,
  INTERNAL: 500,
};
