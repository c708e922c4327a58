// The contract's channels for a cashier's whole day (issue 8): users and supervisor approvals,
// shifts with X and Z reports, sales history, customers and meters (with CSV import), vending keys.
// Same rules as contract.ts: money integer minor units, energy integer 0.1 kWh, times ISO-8601 UTC.
import { z } from 'zod';
import { DayReportSchema, ShiftSchema, ZReportSchema } from './contract-day-reports';

export * from './contract-day-reports';

const Bilingual = z.object({ ar: z.string(), en: z.string() });
const minor = z.number().int().nonnegative().max(1_000_000_000_000);
const isoTime = z.string().datetime({ offset: true });
const id = z.number().int().positive();
const meterNumber = z.string().trim().min(1).max(32);
const empty = z.object({}).strict();
const roleEnum = z.enum(['cashier', 'supervisor', 'admin']);
const locale = z.enum(['ar', 'en']);
const pin = z.string().regex(/^\d{4,12}$/, '4 to 12 digits');
const displayName = z.string().trim().min(1).max(60);
const page = { limit: z.number().int().min(1).max(100).default(25), offset: z.number().int().min(0).max(1_000_000).default(0) };

export const AdminUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleEnum,
  locale,
  active: z.boolean(),
  failedAttempts: z.number().int().nonnegative(),
  /** Set while the user is locked out after wrong PINs (a supervisor can unlock). */
  lockedUntil: isoTime.nullable(),
  createdAt: isoTime,
});
export type AdminUser = z.infer<typeof AdminUserSchema>;

/** Restricted actions a supervisor approves at the till. */
export const APPROVAL_ACTIONS = ['reprint', 'sale-above-max', 'engineering-token'] as const;
export const ApprovalAction = z.enum(APPROVAL_ACTIONS);
export type ApprovalAction = z.infer<typeof ApprovalAction>;
const approvalToken = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/);
export const ApprovalTokenInput = approvalToken;

export const PrintOutcomeSchema = z.object({ printed: z.boolean(), copy: z.boolean(), error: Bilingual.nullable() });

const StsKeyData = z.object({
  sgc: z.string().trim().regex(/^\d{6}$/, 'six digits'),
  ti: z.string().trim().regex(/^\d{2}$/, 'two digits'),
  krn: z.number().int().min(1).max(9),
  keyType: z.number().int().min(0).max(3),
  baseDate: z.union([z.literal(1993), z.literal(2014), z.literal(2035)]),
  ea: z.enum(['07', '11']).default('07'),
  dkga: z.enum(['02', '04']).default('02'),
}).strict();

export const CustomerSchema = z.object({
  id: z.number().int(),
  nameAr: z.string(),
  nameLatin: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
  meters: z.array(z.object({ number: z.string(), kind: z.enum(['sts', 'acrel']), active: z.boolean() })),
});
export type Customer = z.infer<typeof CustomerSchema>;
const customerFields = {
  nameAr: z.string().trim().min(1).max(120),
  nameLatin: z.string().trim().max(120).nullable(),
  phone: z.string().trim().regex(/^[+\d\s\u0660-\u0669-]{3,24}$/, 'a phone number').nullable(),
  address: z.string().trim().max(300).nullable(),
};

export const MeterDetailSchema = z.object({
  number: z.string(),
  kind: z.enum(['sts', 'acrel']),
  active: z.boolean(),
  customer: z.object({ id: z.number().int(), nameAr: z.string(), nameLatin: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  /** The meter's own schedule; a meter in a group follows the group's (change both with tariffs.assign). */
  scheduleCode: z.string(),
  groupCode: z.string().nullable(),
  paymentMode: z.enum(['prepaid', 'postpaid', 'credit']),
  sts: StsKeyData.required().extend({ lastTid: z.number().int().nullable() }).nullable(),
  /** STS: whether the counter holds the vending key of its SGC/KRN (local vending needs it). */
  hasVendingKey: z.boolean().nullable(),
  createdAt: z.string(),
});
export type MeterDetail = z.infer<typeof MeterDetailSchema>;

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
});

export const HistorySaleSchema = z.object({
  id: z.string(), receiptNo: z.number().int(), meterNumber: z.string(), customerName: z.string().nullable(),
  product: z.enum(['sts_kwh', 'acrel_credit', 'settlement']), status: z.enum(['paid', 'issued', 'pending', 'unknown', 'failed']),
  paymentMethod: z.enum(['cash', 'card', 'transfer']), chargedMinor: minor, energyTenths: z.number().int().nullable(),
  valueMinor: minor, token: z.string().nullable(), cashier: z.string(), shiftId: z.number().int().nullable(),
  createdAt: z.string(), printStatus: z.enum(['none', 'queued', 'printed', 'failed']), copies: z.number().int().nonnegative(),
});

type Role = 'public' | 'cashier' | 'supervisor' | 'admin';
const channel = <I extends z.ZodType, O extends z.ZodType>(def: { input: I; output: O; role: Role }) => def;
const shiftSettings = z.object({ requireShift: z.boolean() }).strict();

export const dayChannels = {
  // Users (admin manages; a supervisor lists them and unlocks a locked-out cashier).
  'users.list': channel({ input: z.object({ includeInactive: z.boolean().default(true) }).strict(), output: z.array(AdminUserSchema), role: 'supervisor' }),
  'users.create': channel({
    input: z.object({ username: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9._-]{2,31}$/, '3-32 Latin letters, digits, . _ -'), displayName, role: roleEnum, locale: locale.default('ar'), pin }).strict(),
    output: AdminUserSchema, role: 'admin',
  }),
  'users.update': channel({
    input: z.object({ id, displayName: displayName.optional(), role: roleEnum.optional(), locale: locale.optional(), active: z.boolean().optional() }).strict()
      .refine((i) => Object.keys(i).length > 1, { message: 'change at least one field', path: ['id'] }),
    output: AdminUserSchema, role: 'admin',
  }),
  'users.setPin': channel({ input: z.object({ id, pin }).strict(), output: AdminUserSchema, role: 'admin' }),
  'users.unlock': channel({ input: z.object({ id }).strict(), output: AdminUserSchema, role: 'supervisor' }),
  /** Any user changes their own PIN, giving the current one. */
  'auth.changePin': channel({ input: z.object({ currentPin: pin, newPin: pin }).strict(), output: z.object({ ok: z.literal(true) }), role: 'cashier' }),
  /** A supervisor types username + PIN at the cashier's till: a single-use token for one action, valid 2 minutes. */
  'approvals.grant': channel({
    input: z.object({ username: z.string().trim().min(1).max(64), pin, action: ApprovalAction, subject: z.string().trim().min(1).max(64).optional() }).strict(),
    output: z.object({ approvalToken: z.string(), action: ApprovalAction, subject: z.string().nullable(), expiresAt: isoTime, approver: z.object({ id: z.number().int(), displayName: z.string() }) }),
    role: 'cashier',
  }),

  // Shifts and their reports.
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

  // Sales history.
  'history.search': channel({
    input: z.object({
      meterNumber: z.string().trim().min(1).max(32).optional(),
      receiptNo: z.number().int().positive().optional(),
      /** Customer name (Arabic-normalised) or phone. */
      customer: z.string().trim().min(1).max(64).optional(),
      from: isoTime.optional(),
      to: isoTime.optional(),
      status: z.enum(['paid', 'issued', 'pending', 'unknown', 'failed']).optional(),
      shiftId: id.optional(),
      ...page,
    }).strict(),
    output: z.object({ items: z.array(HistorySaleSchema), total: z.number().int().nonnegative(), limit: z.number().int(), offset: z.number().int() }),
    role: 'cashier',
  }),
  /** The last 3 tokens issued for a meter, newest first, for a customer who lost theirs (audited). */
  'history.lastTokens': channel({
    input: z.object({ meterNumber }).strict(),
    output: z.object({ meterNumber: z.string(), tokens: z.array(z.object({ saleId: z.string(), receiptNo: z.number().int(), token: z.string(), energyTenths: z.number().int().nullable(), chargedMinor: minor, tokenSource: z.enum(['vendor', 'local']).nullable(), createdAt: z.string() })) }),
    role: 'cashier',
  }),

  // Customers and meters.
  'customers.search': channel({ input: z.object({ query: z.string().trim().min(1).max(64), limit: z.number().int().min(1).max(100).default(20) }).strict(), output: z.array(CustomerSchema), role: 'cashier' }),
  'customers.get': channel({ input: z.object({ id }).strict(), output: CustomerSchema, role: 'cashier' }),
  'customers.create': channel({ input: z.object(customerFields).partial({ nameLatin: true, phone: true, address: true }).strict(), output: CustomerSchema, role: 'supervisor' }),
  'customers.update': channel({
    input: z.object({ id, ...customerFields }).partial({ nameAr: true, nameLatin: true, phone: true, address: true }).strict()
      .refine((i) => Object.keys(i).length > 1, { message: 'change at least one field', path: ['id'] }),
    output: CustomerSchema, role: 'supervisor',
  }),
  /** CSV of customers and meters: validated whole; with dryRun nothing is written; otherwise all rows or none. */
  'customers.import': channel({ input: z.object({ csv: z.string().min(1).max(2_000_000), dryRun: z.boolean().default(true) }).strict(), output: ImportReportSchema, role: 'supervisor' }),
  'meters.detail': channel({ input: z.object({ meterNumber }).strict(), output: MeterDetailSchema, role: 'supervisor' }),
  'meters.create': channel({
    input: z.object({
      number: meterNumber, kind: z.enum(['sts', 'acrel']), customerId: id.nullable(),
      scheduleCode: z.string().trim().min(1).max(32).optional(), groupCode: z.string().trim().min(1).max(32).optional(),
      sts: StsKeyData.optional(),
    }).strict()
      .refine((i) => (i.kind === 'sts') === (i.sts !== undefined), { message: 'STS key data is required for an STS meter, and only for it', path: ['sts'] })
      .refine((i) => (i.scheduleCode === undefined) !== (i.groupCode === undefined), { message: 'give exactly one of scheduleCode or groupCode', path: ['scheduleCode'] }),
    output: MeterDetailSchema, role: 'supervisor',
  }),
  /** Customer, STS key data, active. The tariff is changed with tariffs.assign. */
  'meters.update': channel({
    input: z.object({ number: meterNumber, customerId: id.nullable().optional(), active: z.boolean().optional(), sts: StsKeyData.optional() }).strict()
      .refine((i) => Object.keys(i).length > 1, { message: 'change at least one field', path: ['number'] }),
    output: MeterDetailSchema, role: 'supervisor',
  }),
  /** Vending keys (sealed in the key store; never returned). */
  'keys.list': channel({ input: empty, output: z.array(z.object({ sgc: z.string(), krn: z.number().int(), createdAt: z.string() })), role: 'admin' }),
  'keys.put': channel({
    input: z.object({ sgc: z.string().trim().regex(/^\d{6}$/), krn: z.number().int().min(1).max(9), vendingKeyHex: z.string().trim().regex(/^[0-9a-fA-F]{16}([0-9a-fA-F]{16})?$/, '16 or 32 hex digits') }).strict(),
    output: z.object({ sgc: z.string(), krn: z.number().int(), createdAt: z.string() }), role: 'admin',
  }),
} as const;
