// One error type crosses every boundary: a stable code and a message a cashier can act on,
// in Arabic and English. Anything else thrown is a bug and is reported as INTERNAL.
import type { Bilingual, ErrorCode } from '../preload/contract';

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    readonly bilingual: Bilingual,
    readonly issues?: string[],
  ) {
    super(`${code}: ${bilingual.en}`);
  }
}

export const err = (code: ErrorCode, en: string, ar: string, issues?: string[]) => new AppError(code, { en, ar }, issues);
