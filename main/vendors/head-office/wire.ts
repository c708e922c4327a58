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
