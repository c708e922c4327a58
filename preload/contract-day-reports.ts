// Shift, X report and Z report shapes (issue 8), kept beside contract-day.ts. Money integer minor
// units (variance may be negative), energy integer 0.1 kWh, times ISO-8601 UTC.
import { z } from 'zod';

const Bilingual = z.object({ ar: z.string(), en: z.string() });
const minor = z.number().int().nonnegative();
const isoTime = z.string().datetime({ offset: true });
const count = z.number().int().nonnegative();

export const ShiftSchema = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  cashier: z.string(),
  counter: z.string(),
  status: z.enum(['open', 'closed']),
  floatMinor: minor,
  /** Opened by the cashier's first sale (setting requireShift off), with a zero float. */
  autoOpened: z.boolean(),
  openedAt: isoTime,
  closedAt: isoTime.nullable(),
  zNo: z.number().int().nullable(),
});
export type Shift = z.infer<typeof ShiftSchema>;

const Line = z.object({ count, chargedMinor: minor });
/** A sale still waiting on its outcome (or refused) when the report was made. */
export const OpenSaleSchema = z.object({
  saleId: z.string(), receiptNo: z.number().int(), meterNumber: z.string(), product: z.enum(['sts_kwh', 'acrel_credit', 'settlement']),
  status: z.enum(['paid', 'issued', 'pending', 'unknown', 'failed']), paymentMethod: z.enum(['cash', 'card', 'transfer']),
  chargedMinor: minor, createdAt: z.string(),
});

/**
 * Totals of a shift. Refused sales ('failed') are listed but counted in no total: their money is
 * handed back at the counter. Pending, unknown and still-paid sales count (the money was taken).
 */
export const ShiftTotalsSchema = z.object({
  salesCount: count,
  chargedMinor: minor,
  byProduct: z.array(Line.extend({ product: z.enum(['sts_kwh', 'acrel_credit', 'settlement']), energyTenths: count, valueMinor: minor })),
  byPaymentMethod: z.array(Line.extend({ method: z.enum(['cash', 'card', 'transfer']) })),
  byTariffPeriod: z.array(Line.extend({ scheduleCode: z.string(), periodName: Bilingual, energyTenths: count })),
  /** VAT, fees and debt recovered, from the stored quotes. */
  byDeduction: z.array(z.object({ kind: z.enum(['vat', 'fee', 'debt']), amountMinor: minor })),
  tokensIssued: count,
  /** STS energy sold (tokens issued or still to come), 0.1 kWh. */
  energyTenths: count,
  /** Money credit sold to cloud meters (delivered or pending). */
  creditMinor: minor,
  cash: z.object({ floatMinor: minor, salesMinor: minor, tenderedMinor: minor, changeMinor: minor }),
  byStatus: z.array(z.object({ status: z.enum(['paid', 'issued', 'pending', 'unknown', 'failed']), count })),
  /** Pending, unknown and still-in-flight sales, oldest first. */
  open: z.array(OpenSaleSchema),
  failed: z.array(OpenSaleSchema),
});
export type ShiftTotals = z.infer<typeof ShiftTotalsSchema>;

/** X report: the shift's totals now, read-only. */
export const DayReportSchema = z.object({
  shift: ShiftSchema,
  at: isoTime,
  currency: z.string(),
  currencyDecimals: z.number().int(),
  totals: ShiftTotalsSchema,
  /** float + cash sales; null for a cashier looking at their own open shift (blind count). */
  expectedCashMinor: minor.nullable(),
});

export const ZReportSchema = z.object({
  zNo: z.number().int().positive(),
  shift: ShiftSchema,
  counter: z.string(),
  closedAt: isoTime,
  closedBy: z.object({ id: z.number().int(), displayName: z.string() }),
  currency: z.string(),
  currencyDecimals: z.number().int(),
  expectedCashMinor: minor,
  countedCashMinor: minor,
  /** counted - expected: negative = cash short, positive = over. */
  varianceMinor: z.number().int(),
  note: z.string().nullable(),
  totals: ShiftTotalsSchema,
  /** SHA-256 of the stored report, also in the audit log. */
  hash: z.string(),
});
export type ZReport = z.infer<typeof ZReportSchema>;
