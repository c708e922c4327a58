// The shifts.* channels and the shift, X report and Z report they carry. Money in minor units
// (the variance may be negative), energy in 0.1 kWh, times ISO-8601 UTC.
import { z } from 'zod';
import { DeductionSchema, PaymentMethod, ProductSchema, SaleStatus } from './sales';
import { Bilingual, channel, empty, id, isoTime, minor, page, PrintOutcomeSchema } from './shared';

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
  saleId: z.string(), receiptNo: z.number().int(), meterNumber: z.string(), product: ProductSchema,
  status: SaleStatus, paymentMethod: PaymentMethod,
  chargedMinor: minor, createdAt: z.string(),
});

/**
 * Totals of a shift. Refused sales ('failed') are listed but counted in no total: their money is
 * handed back at the counter. Pending, unknown and still-paid sales count (the money was taken).
 */
export const ShiftTotalsSchema = z.object({
  salesCount: count,
  chargedMinor: minor,
  byProduct: z.array(Line.extend({ product: ProductSchema, energyTenths: count, valueMinor: minor })),
  byPaymentMethod: z.array(Line.extend({ method: PaymentMethod })),
  byTariffPeriod: z.array(Line.extend({ scheduleCode: z.string(), periodName: Bilingual, energyTenths: count })),
  /** VAT, fees and debt recovered, from the stored quotes. */
  byDeduction: z.array(z.object({ kind: DeductionSchema.shape.kind, amountMinor: minor })),
  tokensIssued: count,
  /** STS energy sold (tokens issued or still to come), 0.1 kWh. */
  energyTenths: count,
  /** Money credit sold to cloud meters (delivered or pending). */
  creditMinor: minor,
  cash: z.object({ floatMinor: minor, salesMinor: minor, tenderedMinor: minor, changeMinor: minor }),
  byStatus: z.array(z.object({ status: SaleStatus, count })),
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

const shiftSettings = z.object({ requireShift: z.boolean() }).strict();

export const shiftChannels = {
  'shifts.settings': channel({ input: empty, output: shiftSettings, role: 'cashier' }),
  'shifts.saveSettings': channel({ input: shiftSettings, output: shiftSettings, role: 'admin' }),
  'shifts.current': channel({ input: empty, output: ShiftSchema.nullable(), role: 'cashier' }),
  'shifts.open': channel({ input: z.object({ floatMinor: minor }).strict(), output: ShiftSchema, role: 'cashier' }),
  /** Read-only totals now. A cashier sees their own shift without the expected cash (the count is blind). */
  'shifts.xReport': channel({ input: z.object({ shiftId: id.optional() }).strict(), output: DayReportSchema, role: 'cashier' }),
  /** Blind count -> numbered, immutable Z report; printed, CSV written to <dataDir>/reports, database backed up. */
  'shifts.close': channel({
    input: z.object({ shiftId: id.optional(), countedCashMinor: minor, note: z.string().trim().max(500).optional() }).strict(),
    output: z.object({ report: ZReportSchema, print: PrintOutcomeSchema, csvFile: z.string(), backupFile: z.string().nullable(), backupError: Bilingual.nullable() }),
    role: 'cashier',
  }),
  'shifts.list': channel({
    input: z.object({ status: z.enum(['open', 'closed']).optional(), ...page }).strict(),
    output: z.object({ items: z.array(ShiftSchema), total: z.number().int().nonnegative() }), role: 'supervisor',
  }),
  'shifts.zReport': channel({ input: z.object({ zNo: id }).strict(), output: ZReportSchema, role: 'cashier' }),
  'shifts.zReports': channel({
    input: z.object({ from: isoTime.optional(), to: isoTime.optional(), ...page }).strict(),
    output: z.object({ items: z.array(ZReportSchema.pick({ zNo: true, shift: true, closedAt: true, closedBy: true, expectedCashMinor: true, countedCashMinor: true, varianceMinor: true })), total: z.number().int().nonnegative() }),
    role: 'supervisor',
  }),
  /** Print a Z report again (marked COPY). */
  'shifts.printZ': channel({ input: z.object({ zNo: id }).strict(), output: PrintOutcomeSchema, role: 'cashier' }),
  'shifts.zCsv': channel({ input: z.object({ zNo: id }).strict(), output: z.object({ csv: z.string(), file: z.string() }), role: 'cashier' }),
} as const;
