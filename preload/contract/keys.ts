// The keys.* channels (admin): STS vending keys, sealed in the key store. A key goes in once,
// typed twice or read from a key file, with its certificate's attributes; it is listed by its key
// check value (KCV), who loaded it and when, and retired when it is no longer to be used. The key
// itself is never returned.
import { z } from 'zod';
import { channel, empty, id, isoTime } from './shared';

/** The attributes of a key certificate, beside the key itself. */
export const KeyAttributesSchema = z.object({
  sgc: z.string().trim().regex(/^\d{6}$/, 'SGC: 6 digits'),
  krn: z.number().int().min(1).max(9),
  keyType: z.number().int().min(0).max(3),
  baseDate: z.union([z.literal(1993), z.literal(2014), z.literal(2035)]),
  ea: z.enum(['07', '11']),
  dkga: z.enum(['02', '04']),
  /** The last day the key may be used (the counter's calendar), or null: the certificate sets no expiry. */
  expiresAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').nullable(),
});
export type KeyAttributes = z.infer<typeof KeyAttributesSchema>;

/** Key material as typed: checked in main (16 or 32 hex digits, not a weak key) with a message of its own. */
const keyText = z.string().max(80);
/** A KCV to compare with, from the key certificate: 6 hex digits. */
const kcvText = z.string().trim().regex(/^[0-9a-fA-F]{6}$/, 'a KCV is 6 hex digits');

export const KeyEntrySchema = z.object({
  id,
  sgc: z.string(),
  krn: z.number().int(),
  /** Null for a key loaded before its attributes were recorded. */
  keyType: z.number().int().nullable(),
  baseDate: z.number().int().nullable(),
  ea: z.enum(['07', '11']).nullable(),
  dkga: z.enum(['02', '04']).nullable(),
  expiresAt: z.string().nullable(),
  /** The key check value: 6 upper-case hex digits (main/keys/kcv.ts). Null only for an old key whose seal cannot be opened. */
  kcv: z.string().nullable(),
  /** Who loaded it (display name); null for a key loaded by the demo seed or before this was recorded. */
  loadedBy: z.string().nullable(),
  loadedAt: isoTime,
  retiredAt: isoTime.nullable(),
  retiredBy: z.string().nullable(),
  status: z.enum(['active', 'retired', 'expired']),
});
export type KeyEntry = z.infer<typeof KeyEntrySchema>;

export const keyChannels = {
  'keys.list': channel({ input: empty, output: z.array(KeyEntrySchema), role: 'admin' }),
  /**
   * Loads a key. `replace`: an active key of the same SGC and KRN is retired in the same step;
   * without it such a key is a CONFLICT. `expectedKcv` (typed) or a KCV line (file) must match.
   */
  'keys.put': channel({
    input: z.discriminatedUnion('source', [
      KeyAttributesSchema.extend({
        source: z.literal('typed'),
        vendingKeyHex: keyText,
        vendingKeyHexAgain: keyText,
        expectedKcv: kcvText.optional(),
        replace: z.boolean().default(false),
      }).strict(),
      z.object({
        source: z.literal('file'),
        /** The text of a key file (format: main/keys/README.md). */
        keyFile: z.string().min(1).max(4_000),
        replace: z.boolean().default(false),
      }).strict(),
    ]),
    output: KeyEntrySchema,
    role: 'admin',
  }),
  'keys.retire': channel({ input: z.object({ id }).strict(), output: KeyEntrySchema, role: 'admin' }),
} as const;
