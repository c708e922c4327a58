// The printer.* channels (the counter's receipt printer settings and a test page) and receipts.*:
// preview a receipt, and the receipts that did not print. The settings' shape is checked here;
// whether an address or a name makes sense is checked by main/printing/settings-rules.ts, in both languages.
import { z } from 'zod';
import { ApprovalTokenInput } from './auth';
import { Bilingual, channel, empty, PrintOutcomeSchema } from './shared';

const paperWidth = z.union([z.literal(58), z.literal(80)]);

export const PrinterSettingsSchema = z.object({
  /** tcp://host:9100, printer:NAME or a printer device, never a file (main/printing/address.ts); null = no printer at this counter */
  iface: z.string().trim().max(300).nullable(),
  widthMm: paperWidth,
  profile: z.enum(['epson', 'star']),
  language: z.enum(['ar', 'en', 'both']),
  utilityName: Bilingual,
  taxNumber: z.string().trim().max(64).nullable(),
  /** The company's address, printed under its name (absent in settings saved before it existed). */
  address: Bilingual.nullable().optional(),
  footer: Bilingual.nullable(),
  cashDrawer: z.boolean(),
}).strict();
export type PrinterSettings = z.infer<typeof PrinterSettingsSchema>;
export const PrintJobSchema = z.object({
  id: z.number().int(),
  saleId: z.string(),
  receiptNo: z.number().int(),
  copy: z.boolean(),
  status: z.enum(['queued', 'printing', 'printed', 'failed']),
  attempts: z.number().int().nonnegative(),
  errorCode: z.string().nullable(),
  error: Bilingual.nullable(),
  nextAt: z.string(),
  createdAt: z.string(),
});
export type PrintJob = z.infer<typeof PrintJobSchema>;

export const printerChannels = {
  'printer.settings': channel({ input: empty, output: z.object({ settings: PrinterSettingsSchema, saved: z.boolean() }), role: 'supervisor' }),
  'printer.saveSettings': channel({ input: PrinterSettingsSchema, output: PrinterSettingsSchema, role: 'supervisor' }),
  /** A test page with the given (unsaved) settings, or the saved ones. Not queued: the answer is the point. */
  'printer.test': channel({ input: z.object({ settings: PrinterSettingsSchema.optional() }).strict(), output: PrintOutcomeSchema, role: 'supervisor' }),
} as const;

export const receiptChannels = {
  /** The receipt of a sale as the exact 1-bit bitmap the printer gets (PNG, base64). */
  'receipts.preview': channel({
    input: z.object({ id: z.string().uuid(), copy: z.boolean().default(false) }).strict(),
    output: z.object({ png: z.string(), width: z.number().int(), height: z.number().int(), widthMm: paperWidth, rasters: z.array(z.object({ top: z.number().int(), height: z.number().int() })) }),
    role: 'cashier',
  }),
  /** Receipts not printed yet after at least one try: what the sell screen's alert shows. */
  'receipts.problems': channel({ input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(), output: z.array(PrintJobSchema), role: 'cashier' }),
  /** Retry: the same job again now (nothing came out). */
  'receipts.retry': channel({ input: z.object({ jobId: z.number().int().positive() }).strict(), output: PrintOutcomeSchema, role: 'cashier' }),
  /** Reprint: part of it may be on paper, so the job is closed and a COPY is printed instead (audited). */
  'receipts.reprint': channel({ input: z.object({ jobId: z.number().int().positive(), approvalToken: ApprovalTokenInput.optional() }).strict(), output: PrintOutcomeSchema, role: 'cashier' }),
} as const;
