// The history.* channels: search past sales, and the last tokens of a meter for a customer who
// lost theirs.
import { z } from 'zod';
import { PaymentMethod, PrintStatus, ProductSchema, SaleStatus, TokenSource } from './sales';
import { channel, id, isoTime, meterNumber, minor, page } from './shared';

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
      ...page,
    }).strict(),
    output: z.object({ items: z.array(HistorySaleSchema), total: z.number().int().nonnegative(), limit: z.number().int(), offset: z.number().int() }),
    role: 'cashier',
  }),
  /** The last 3 tokens issued for a meter, newest first, for a customer who lost theirs (audited). */
  'history.lastTokens': channel({
    input: z.object({ meterNumber }).strict(),
    output: z.object({ meterNumber: z.string(), tokens: z.array(z.object({ saleId: z.string(), receiptNo: z.number().int(), token: z.string(), energyTenths: z.number().int().nullable(), chargedMinor: minor, tokenSource: TokenSource.nullable(), createdAt: z.string() })) }),
    role: 'cashier',
  }),
} as const;
