// Master data the head office owns and each enrolled counter pulls (GET /api/v1/master-data):
// every change carries a version from one increasing sequence; a counter asks for the changes after
// its cursor, a page at a time, and applies each page in one transaction. A record appears once
// per page with its latest state (data), or as deleted (data null).
import { z } from 'zod';
import { PaymentMode, StsKeyData } from '../../../preload/contract/meters';
import { locale, meterNumber, ROLES } from '../../../preload/contract/shared';
import { PeriodSchema } from '../../../preload/contract/tariffs';

export const MASTER_ENTITIES = ['tariff_schedule', 'tariff_group', 'customer', 'meter', 'user'] as const;
export const MasterEntity = z.enum(MASTER_ENTITIES);
export type MasterEntity = z.infer<typeof MasterEntity>;

/** The most changes one pull answers with. */
export const MAX_MASTER_PAGE = 1000;

const code = z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, _ and - only (1-32)');
const name = z.object({ ar: z.string().trim().min(1).max(60), en: z.string().trim().min(1).max(60) }).strict();
const minor = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const positiveMinor = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const percent = z.string().trim().regex(/^\d{1,3}(\.\d{1,4})?$/, 'a percentage with at most 4 decimals');

/** A version of a tariff schedule; key "code@version". Versions are never changed once a counter may have priced with them. */
export const MasterScheduleSchema = z.object({
  code,
  version: z.number().int().positive(),
  name,
  effectiveFrom: z.string().datetime({ offset: true }),
  vatPercent: percent,
  feeMinor: minor,
  feeMode: z.enum(['per_sale', 'first_of_month']),
  debtRecoveryPercent: percent,
  minPurchaseMinor: positiveMinor,
  maxPurchaseMinor: positiveMinor,
  periods: z.array(PeriodSchema).min(1).max(8),
}).strict();
export type MasterSchedule = z.infer<typeof MasterScheduleSchema>;

/** Key: the group's code. */
export const MasterGroupSchema = z.object({ code, name, scheduleCode: code }).strict();
export type MasterGroup = z.infer<typeof MasterGroupSchema>;

/** Key: the head office's customer key (a customer has no natural key the counters share). */
export const MasterCustomerSchema = z.object({
  key: z.string().trim().regex(/^[A-Za-z0-9._-]{1,64}$/),
  nameAr: z.string().trim().min(1).max(120),
  nameLatin: z.string().trim().max(120).nullable(),
  phone: z.string().trim().regex(/^[+\d\s\u0660-\u0669-]{3,24}$/, 'a phone number').nullable(),
  address: z.string().trim().max(300).nullable(),
}).strict();
export type MasterCustomer = z.infer<typeof MasterCustomerSchema>;

/**
 * Key: the meter's number. Only the public STS key data travels here; a decoder key reaches a
 * counter only with a lease on the meter, and the vending key never leaves the head office.
 */
export const MasterMeterSchema = z.object({
  number: meterNumber,
  kind: z.enum(['sts', 'acrel']),
  active: z.boolean(),
  customerKey: z.string().nullable(),
  scheduleCode: code,
  groupCode: code.nullable(),
  paymentMode: PaymentMode,
  sts: StsKeyData.required().nullable(),
  minPurchaseMinor: positiveMinor.nullable(),
  maxPurchaseMinor: positiveMinor.nullable(),
  creditLimitMinor: positiveMinor.nullable(),
  depositMinor: minor,
}).strict().refine((m) => (m.kind === 'sts') === (m.sts !== null), { message: 'an STS meter has STS key data, a cloud meter none', path: ['sts'] });
export type MasterMeter = z.infer<typeof MasterMeterSchema>;

/**
 * Key "username@counter id": a user of one counter (a person at two counters is two records). The
 * PIN travels only as the counter's own PIN hash (main/auth/pin.ts), never in the clear.
 */
export const MasterUserSchema = z.object({
  username: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9._-]{2,31}$/),
  displayName: z.string().trim().min(1).max(60),
  role: z.enum(ROLES),
  locale,
  pinHash: z.string().min(16).max(400),
  active: z.boolean(),
}).strict();
export type MasterUser = z.infer<typeof MasterUserSchema>;

export const MASTER_DATA_SCHEMAS = {
  tariff_schedule: MasterScheduleSchema,
  tariff_group: MasterGroupSchema,
  customer: MasterCustomerSchema,
  meter: MasterMeterSchema,
  user: MasterUserSchema,
} as const satisfies Record<MasterEntity, z.ZodType>;

const change = <E extends MasterEntity>(entity: E) =>
  z.object({ entity: z.literal(entity), key: z.string().min(1).max(200), version: z.number().int().positive(), data: MASTER_DATA_SCHEMAS[entity].nullable() }).strict();

export const MasterChangeSchema = z.discriminatedUnion('entity', [
  change('tariff_schedule'), change('tariff_group'), change('customer'), change('meter'), change('user'),
]);
export type MasterChange = z.infer<typeof MasterChangeSchema>;

export const MasterDataQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(MAX_MASTER_PAGE).default(MAX_MASTER_PAGE),
}).strict();

export const MasterDataPageSchema = z.object({
  /**
   * The money every amount of the page is in (fees, purchase limits, credit limits, deposits in
   * minor units; tariff prices per kWh): the head office's HEAD_OFFICE_CURRENCY and
   * HEAD_OFFICE_CURRENCY_DECIMALS. Required: a counter set to other money applies none of it, since
   * 1000 minor units are 10.00 in one and 1000 in another.
   */
  currency: z.string().regex(/^[A-Z]{3}$/),
  currencyDecimals: z.number().int().min(0).max(3),
  /** In version order. */
  changes: z.array(MasterChangeSchema),
  /** The cursor to ask after next time: the last change's version, or the one asked after when none. */
  cursor: z.number().int().nonnegative(),
  /** More changes wait after this page. */
  more: z.boolean(),
});
export type MasterDataPage = z.infer<typeof MasterDataPageSchema>;
