// Bodies of the head-office API (test/sim/head-office.openapi.yaml). Sales are upserted by their
// id, so delivering the same sale again is harmless: the outbox can deliver at least once.
import { z } from 'zod';
import { Bilingual, SaleSchema } from '../../../preload/contract';

/** The largest batch the head office accepts in one request. */
export const MAX_SALES_PER_PUSH = 500;

/** What a counter may report with a push: how many sales wait in its outbox, how many are unknown. */
export const CounterCountsSchema = z.object({
  pendingSales: z.number().int().nonnegative().max(10_000_000),
  unknownSales: z.number().int().nonnegative().max(10_000_000),
}).strict();
export type CounterCounts = z.infer<typeof CounterCountsSchema>;

/** What rides along with a push of sales besides the sales (PushSalesRequestSchema). */
export interface PushAlong { counts?: CounterCounts; currencyDecimals?: number }

export const PushSalesRequestSchema = z.object({
  sales: z.array(z.unknown()).min(1).max(MAX_SALES_PER_PUSH),
  /** Optional: the counter's own counts, kept at the head office for its console. */
  counts: CounterCountsSchema.optional(),
  /**
   * The decimals this counter counts its money in (its setup's; the sales' amounts are minor units
   * of them). Optional for counters older than it: the head office then reports their sales apart,
   * as "decimals unknown", never added to another counter's.
   */
  currencyDecimals: z.number().int().min(0).max(3).optional(),
}).strict();
export const PushedSaleSchema = SaleSchema;

export const PushSalesResultSchema = z.object({
  accepted: z.array(z.string()),
  /** Sales the head office will never take as sent (invalid record); the rest of the batch stands. */
  rejected: z.array(z.object({ id: z.string().nullable(), error: z.object({ code: z.string(), message: Bilingual }) })).default([]),
});
export type PushSalesResult = z.infer<typeof PushSalesResultSchema>;

/**
 * POST /api/v1/enrol, unsigned (the one-time code is the credential): the code an admin made at
 * the head office, what the counter calls itself, and the version it runs.
 */
export const EnrolRequestSchema = z.object({
  code: z.string().trim().min(1).max(64),
  counterName: z.string().trim().min(1).max(64),
  appVersion: z.string().trim().regex(/^[0-9A-Za-z.+-]{1,32}$/),
}).strict();
export type EnrolRequest = z.infer<typeof EnrolRequestSchema>;

/** The counter's own credentials, shown this once: its HEAD_OFFICE_KEY and HEAD_OFFICE_SECRET. */
export const EnrolResultSchema = z.object({
  counterKey: z.string().regex(/^[A-Za-z0-9._-]{8,128}$/),
  counterSecret: z.string().min(16).max(200),
  headOfficeTime: z.string().datetime({ offset: true }),
});
export type EnrolResult = z.infer<typeof EnrolResultSchema>;

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
