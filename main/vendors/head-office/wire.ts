// Bodies of the head-office API (test/sim/head-office.openapi.yaml). Sales are upserted by their
// id, so delivering the same sale again is harmless: the outbox can deliver at least once.
import { z } from 'zod';
import { Bilingual, SaleSchema } from '../../../preload/contract';

/** The largest batch the head office accepts in one request. */
export const MAX_SALES_PER_PUSH = 500;

export const PushSalesRequestSchema = z.object({ sales: z.array(z.unknown()).min(1).max(MAX_SALES_PER_PUSH) }).strict();
export const PushedSaleSchema = SaleSchema;

export const PushSalesResultSchema = z.object({
  accepted: z.array(z.string()),
  /** Sales the head office will never take as sent (invalid record); the rest of the batch stands. */
  rejected: z.array(z.object({ id: z.string().nullable(), error: z.object({ code: z.string(), message: Bilingual }) })).default([]),
});
export type PushSalesResult = z.infer<typeof PushSalesResultSchema>;

/**
 * A closed shift's Z report as the counter stored it: the exact JSON it hashed, and the hash (also
 * in its hash-chained audit log). The head office checks the one against the other, so what it
 * keeps is byte for byte what the counter closed.
 */
export const PushZReportRequestSchema = z.object({
  reportJson: z.string().min(2).max(1_000_000),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
}).strict();
export type PushZReportRequest = z.infer<typeof PushZReportRequestSchema>;

export const PushZReportResultSchema = z.object({
  zNo: z.number().int().positive(),
  /** new: stored now; repeat: the same report was already stored (a repeated delivery). */
  stored: z.enum(['new', 'repeat']),
});
export type PushZReportResult = z.infer<typeof PushZReportResultSchema>;

/**
 * A message the counter's outbox gave up on (a dead letter), as it stands now: why it was refused,
 * and whether a supervisor retried or resolved it. Reported when it dies and each time a
 * supervisor acts on it; the head office keeps the latest state per counter and message.
 */
export const PushDeadLetterRequestSchema = z.object({
  outboxId: z.number().int().positive(),
  topic: z.string().min(1).max(64),
  key: z.string().min(1).max(200),
  saleId: z.string().uuid().nullable(),
  code: z.string().min(1).max(64),
  message: Bilingual,
  deadAt: z.string().datetime(),
  state: z.enum(['dead', 'retried', 'resolved']),
  resolution: z.string().max(500).nullable(),
  resolvedAt: z.string().datetime().nullable(),
  /** When this state was read: a later report never loses to an earlier one. */
  at: z.string().datetime(),
}).strict();
export type PushDeadLetterRequest = z.infer<typeof PushDeadLetterRequestSchema>;

export const PushDeadLetterResultSchema = z.object({ outboxId: z.number().int().positive(), stored: z.enum(['new', 'updated', 'older']) });
export type PushDeadLetterResult = z.infer<typeof PushDeadLetterResultSchema>;
