// One error type crosses every boundary: a stable code and a message a cashier can act on,
// in Arabic and English. Anything else thrown is a bug and is reported as INTERNAL.
import type { Bilingual, ErrorCode, Quote } from '../../preload/contract';

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    readonly bilingual: Bilingual,
    readonly issues?: string[],
    /** The price as it is now, for the cashier to see and confirm (PRICE_CHANGED, AMOUNT_TOO_LARGE). */
    readonly quote?: Quote,
  ) {
    super(`${code}: ${bilingual.en}`);
  }
}

export const err = (code: ErrorCode, en: string, ar: string, issues?: string[]) => new AppError(code, { en, ar }, issues);
