// The customers.* channels: search, create and change customers, and the import of customers with
// their meters from CSV text or an .xlsx/.csv file (validated whole; all rows or none).
import { z } from 'zod';
import { MeterKind } from './meters';
import { Bilingual, channel, id } from './shared';

export const CustomerSchema = z.object({
  id: z.number().int(),
  nameAr: z.string(),
  nameLatin: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
  meters: z.array(z.object({ number: z.string(), kind: MeterKind, active: z.boolean() })),
});
export type Customer = z.infer<typeof CustomerSchema>;
const customerFields = {
  nameAr: z.string().trim().min(1).max(120),
  nameLatin: z.string().trim().max(120).nullable(),
  phone: z.string().trim().regex(/^[+\d\s\u0660-\u0669-]{3,24}$/, 'a phone number').nullable(),
  address: z.string().trim().max(300).nullable(),
};

export const ImportReportSchema = z.object({
  dryRun: z.boolean(),
  /** true: every row is valid (and, when not a dry run, everything was imported). */
  ok: z.boolean(),
  rows: z.number().int().nonnegative(),
  customersCreated: z.number().int().nonnegative(),
  customersReused: z.number().int().nonnegative(),
  metersCreated: z.number().int().nonnegative(),
  /** Line numbers count the header as line 1. At most 500 are listed. */
  errors: z.array(z.object({ line: z.number().int().positive(), field: z.string().nullable(), message: Bilingual })),
  errorCount: z.number().int().nonnegative(),
  /** Rows with at least one problem (a row can have several). */
  refusedRows: z.number().int().nonnegative(),
  /** What the file turned out to be, by its content. */
  format: z.enum(['csv', 'xlsx']),
});

/** An import file's size limit, and the JSON request that carries it as base64 (the browser host's body limit for the channel). */
export const IMPORT_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_REQUEST_MAX_BYTES = Math.ceil(IMPORT_FILE_MAX_BYTES / 3) * 4 + 64 * 1024;
const ImportFile = z.object({
  name: z.string().trim().min(1).max(255).regex(/\.(xlsx|xls|csv)$/i, 'an .xlsx or .csv file'),
  base64: z.string().min(4).max(Math.ceil(IMPORT_FILE_MAX_BYTES / 3) * 4, 'at most 10 MB').regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
}).strict();

export const customerChannels = {
  'customers.search': channel({ input: z.object({ query: z.string().trim().min(1).max(64), limit: z.number().int().min(1).max(100).default(20) }).strict(), output: z.array(CustomerSchema), role: 'cashier' }),
  'customers.get': channel({ input: z.object({ id }).strict(), output: CustomerSchema, role: 'cashier' }),
  'customers.create': channel({ input: z.object(customerFields).partial({ nameLatin: true, phone: true, address: true }).strict(), output: CustomerSchema, role: 'supervisor' }),
  'customers.update': channel({
    input: z.object({ id, ...customerFields }).partial({ nameAr: true, nameLatin: true, phone: true, address: true }).strict()
      .refine((i) => Object.keys(i).length > 1, { message: 'change at least one field', path: ['id'] }),
    output: CustomerSchema, role: 'supervisor',
  }),
  /**
   * Customers and meters from CSV text, or from a file (.xlsx or .csv, told apart by its content):
   * validated whole; with dryRun nothing is written; otherwise all rows or none.
   */
  'customers.import': channel({
    input: z.object({ csv: z.string().min(1).max(2_000_000).optional(), file: ImportFile.optional(), dryRun: z.boolean().default(true) }).strict()
      .refine((i) => (i.csv === undefined) !== (i.file === undefined), { message: 'give the CSV text or a file, one of them', path: ['file'] }),
    output: ImportReportSchema, role: 'supervisor',
  }),
} as const;
