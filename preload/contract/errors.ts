// Errors crossing the boundary: a stable code plus a message in both languages. Apart from
// shared.ts because an error may carry a quote (sales.ts), and sales.ts builds on shared.ts.
import { z } from 'zod';
import { QuoteSchema } from './sales';
import { Bilingual } from './shared';

export const ERROR_CODES = [
  'BAD_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'LOCKED_OUT',
  'NOT_FOUND',
  'METER_NOT_FOUND',
  'BAD_METER_NUMBER',
  'AMOUNT_TOO_SMALL',
  'AMOUNT_TOO_LARGE',
  'TENDERED_TOO_LOW',
  'NO_TARIFF',
  'NOTHING_OWED',
  'WRONG_PAYMENT_MODE',
  'VENDOR_REFUSED',
  'CONFLICT',
  /** A supervisor's approval (approvals.grant) is needed: the UI asks for it and calls again with approvalToken. */
  'APPROVAL_REQUIRED',
  /** No open shift for this cashier: the UI offers shifts.open. */
  'SHIFT_REQUIRED',
  'VENDOR_UNREACHABLE',
  /** A PIN typed to approve or to change a PIN was wrong: the session itself is fine. */
  'WRONG_PIN',
  'NOT_CONFIGURED',
  /** Pricing at the moment of sale differs from the confirmed quote: nothing was sold; the error's quote is the new price to confirm. */
  'PRICE_CHANGED',
  /** An STS sale that must be vended on this counter, whose vending key is missing, retired or expired: nothing was sold. */
  'NO_VENDING_KEY',
  /** The counter is set up (a user exists): the first-run channels answer nothing any more. */
  'SETUP_DONE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export const RpcErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES), message: Bilingual, issues: z.array(z.string()).optional(),
    /** The price as it is now: PRICE_CHANGED's new quote; AMOUNT_TOO_LARGE's price with a supervisor's approval. */
    quote: QuoteSchema.optional(),
  }),
});
export type RpcError = z.infer<typeof RpcErrorSchema>['error'];
