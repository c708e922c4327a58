// The history.* channels: search past sales, and the last tokens of a meter for a customer who
// lost theirs.
import { z } from 'zod';
import { PaymentMethod, PrintStatus, ProductSchema, SaleStatus, TokenSource } from './sales';
import { channel, id, isoTime, meterNumber, minor, page } from './shared';

/** Where a page of history ends (its last sale); the next page starts after it. */
export const HistoryCursorSchema = z.object({ createdAt: isoTime, receiptNo: z.number().int().positive() }).strict();
export type HistoryCursor = z.infer<typeof HistoryCursorSchema>;


export const HistorySaleSchema = z.object({
  id: z.string(), receiptNo: z.number().int(), meterNumber: z.string(), customerName: z.string().nullable(),
  product: ProductSchema, status: SaleStatus,
  paymentMethod: PaymentMethod, chargedMinor: minor, energyTenths: z.number().int().nullable(),
  valueMinor: minor, token: z.string().nullable(), cashier: z.string(), shiftId: z.number().int().nullable(),
  createdAt: z.string(), printStatus: PrintStatus, copies: z.number().int().nonnegative(),
});

export const historyChannels = {
  'history.search': channel({
    input: z.object({
      meterNumber: meterNumber.optional(),
      receiptNo: z.number().int().positive().optional(),
      /** Customer name (Arabic-normalised) or phone. */
      customer: z.string().trim().min(1).max(64).optional(),
      from: isoTime.optional(),
      to: isoTime.optional(),
      status: SaleStatus.optional(),
      shiftId: id.optional(),
      /** The user who sold (a cashier's id from users.list). */
      cashierId: id.optional(),
      limit: page.limit,
      /** Newest first; the page after this cursor (the `next` of the page before), or the first page. */
      before: HistoryCursorSchema.optional(),
    }).strict(),
    output: z.object({
      items: z.array(HistorySaleSchema),
      /** The cursor of the next (older) page, or null on the last page. */
      next: HistoryCursorSchema.nullable(),
      /** Sales matching the filters, counted up to a bound: with totalCapped, "more than total". */
      total: z.number().int().nonnegative(),
      totalCapped: z.boolean(),
    }),
    role: 'cashier',
  }),
  /** The last 3 tokens issued for a meter, newest first, for a customer who lost theirs (audited). */
  'history.lastTokens': channel({
    input: z.object({ meterNumber }).strict(),
    output: z.object({ meterNumber: z.string(), tokens: z.array(z.object({ saleId: z.string(), receiptNo: z.number().int(), token: z.string(), energyTenths: z.number().int().nullable(), chargedMinor: minor, tokenSource: TokenSource.nullable(), createdAt: z.string() })) }),
    role: 'cashier',
  }),
} as const;
