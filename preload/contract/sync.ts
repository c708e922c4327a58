// The sync.* channels (is the counter online, how much is still to send) and outbox.*: the
// supervisor's list of messages a receiver refused for good, to send again or resolve.
import { z } from 'zod';
import { Bilingual, channel, empty, isoTime } from './shared';

export const SyncStatusSchema = z.object({
  online: z.boolean(),
  pending: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  lastSyncAt: isoTime.nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** A message the receiver refused for good; a supervisor sends it again or resolves it. */
export const DeadLetterSchema = z.object({
  id: z.number().int(),
  topic: z.string(),
  saleId: z.string().nullable(),
  receiptNo: z.number().int().nullable(),
  meterNumber: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  /** The receiver's refusal, in both languages (null for messages refused before Shahn kept it). */
  reason: z.object({ code: z.string(), message: Bilingual }).nullable(),
  refusedAt: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;

export const syncChannels = {
  'sync.status': channel({ input: empty, output: SyncStatusSchema, role: 'cashier' }),
  'sync.now': channel({ input: empty, output: SyncStatusSchema, role: 'cashier' }),
} as const;

export const outboxChannels = {
  'outbox.deadLetters': channel({
    input: z.object({ includeResolved: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(DeadLetterSchema),
    role: 'supervisor',
  }),
  'outbox.retry': channel({ input: z.object({ id: z.number().int().positive() }).strict(), output: SyncStatusSchema, role: 'supervisor' }),
  'outbox.resolve': channel({
    input: z.object({ id: z.number().int().positive(), note: z.string().trim().min(3).max(500) }).strict(),
    output: SyncStatusSchema,
    role: 'supervisor',
  }),
} as const;
