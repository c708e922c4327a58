// The basic shapes every namespace of the contract builds on, the channel() helper, the print
// outcome, and the roles (from roles.ts). One copy of each, so they cannot drift apart. Money is an
// integer of minor units, energy an integer of 0.1 kWh, prices exact decimal strings, times ISO-8601 UTC.
import { z } from 'zod';
import type { ChannelRole } from './roles';

export * from './roles';

export const Bilingual = z.object({ ar: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof Bilingual>;

/** Money in minor units; bounded far below 2^53 so amounts, and sums of many of them, stay exact integers. */
export const minor = z.number().int().nonnegative().max(1_000_000_000_000);
export const positiveMinor = z.number().int().positive().max(1_000_000_000_000);
export const isoTime = z.string().datetime({ offset: true });
/** A meter number as typed or scanned at the counter. */
export const meterNumber = z.string().trim().min(1).max(32);
/** A database row id given by the caller. */
export const id = z.number().int().positive();
export const empty = z.object({}).strict();
export const locale = z.enum(['ar', 'en']);
/** The digits of a PIN. */
export const PIN_DIGITS = /^\d{4,12}$/;
export const pin = z.string().regex(PIN_DIGITS, '4 to 12 digits');
/** Paging fields, spread into a list channel's input. */
export const page = { limit: z.number().int().min(1).max(100).default(25), offset: z.number().int().min(0).max(1_000_000).default(0) };

/** What a print request answers: whether paper came out, whether it was a copy, and why not. */
export const PrintOutcomeSchema = z.object({ printed: z.boolean(), copy: z.boolean(), error: Bilingual.nullable() });

/** One channel: what goes in, what comes out, and the lowest role that may call it. */
export function channel<I extends z.ZodType, O extends z.ZodType>(def: { input: I; output: O; role: ChannelRole }) {
  return def;
}
