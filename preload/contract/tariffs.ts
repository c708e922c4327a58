// The tariffs.* channels (supervisor screens): versioned schedules with time-of-use periods, tariff
// groups, assigning meters, the price now, and pushing a schedule to cloud meters. Prices are exact
// decimal strings; clock times "HH:MM" on the counter's wall clock.
import { z } from 'zod';
import { Bilingual, channel, empty, isoTime, meterNumber, minor, positiveMinor } from './shared';

const code = z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, _ and - only (1-32)');
const name = z.object({ ar: z.string().trim().min(1).max(60), en: z.string().trim().min(1).max(60) });
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
const price = z.string().trim().regex(/^\d{1,12}(\.\d{1,4})?$/, 'a price with at most 4 decimals');
const percent = z.string().trim().regex(/^\d{1,3}(\.\d{1,4})?$/, 'a percentage with at most 4 decimals')
  .refine((v) => Number(v) <= 100, 'at most 100');

export const PeriodSchema = z.object({ name, start: clock, end: clock, pricePerKwh: price, active: z.boolean().default(true) }).strict();
export type PeriodInput = z.input<typeof PeriodSchema>;
export const FeeMode = z.enum(['per_sale', 'first_of_month']);

export const ScheduleInputSchema = z
  .object({
    code,
    name,
    /** Default: now. A version can start now or later, never in the past. */
    effectiveFrom: isoTime.optional(),
    vatPercent: percent.default('0'),
    feeMinor: minor.default(0),
    feeMode: FeeMode.default('per_sale'),
    debtRecoveryPercent: percent.default('0'),
    minPurchaseMinor: positiveMinor.default(1),
    maxPurchaseMinor: positiveMinor,
    periods: z.array(PeriodSchema).min(1).max(8),
  })
  .strict()
  .refine((s) => s.minPurchaseMinor <= s.maxPurchaseMinor, { message: 'minPurchaseMinor is above maxPurchaseMinor', path: ['minPurchaseMinor'] });

export const ScheduleSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  version: z.number().int().positive(),
  name: Bilingual,
  effectiveFrom: isoTime,
  vatPercent: z.string(),
  feeMinor: minor,
  feeMode: FeeMode,
  debtRecoveryPercent: z.string(),
  minPurchaseMinor: positiveMinor,
  maxPurchaseMinor: positiveMinor,
  periods: z.array(z.object({ name: Bilingual, start: z.string(), end: z.string(), pricePerKwh: z.string(), active: z.boolean() })),
  createdAt: isoTime,
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const ScheduleSummarySchema = z.object({
  code: z.string(),
  /** The version in force now (null when every version starts in the future). */
  current: ScheduleSchema.nullable(),
  /** Versions that start later, soonest first. */
  upcoming: z.array(z.object({ version: z.number().int(), effectiveFrom: isoTime })),
  versions: z.number().int().positive(),
  meters: z.number().int().nonnegative(),
  groups: z.array(z.string()),
});

/** A group and how many active meters it holds (its members are listed a page at a time by tariffs.groupMeters). */
export const TariffGroupSchema = z.object({ code: z.string(), name: Bilingual, scheduleCode: z.string(), meterCount: z.number().int().nonnegative() });
export type TariffGroup = z.infer<typeof TariffGroupSchema>;

const PricePoint = z.object({ periodName: Bilingual, pricePerKwh: z.string(), start: z.string(), end: z.string() });
export const PriceNowSchema = z.object({
  code: z.string(),
  version: z.number().int(),
  at: isoTime,
  timeZone: z.string(),
  now: PricePoint.nullable(),
  /** The next instant the price changes: a period boundary or a new version taking effect. */
  next: PricePoint.extend({ at: isoTime, version: z.number().int() }).nullable(),
});

const ReadBackMeter = z.object({ meterNumber: z.string(), problem: Bilingual });
export const ReadBackSchema = z.object({
  code: z.string(),
  version: z.number().int(),
  checked: z.number().int().nonnegative(),
  agree: z.array(z.string()),
  disagree: z.array(ReadBackMeter),
});

const byCode = z.object({ code }).strict();

export const tariffChannels = {
  'tariffs.list': channel({ input: empty, output: z.array(ScheduleSummarySchema), role: 'supervisor' }),
  'tariffs.get': channel({ input: z.object({ code, version: z.number().int().positive().optional() }).strict(), output: ScheduleSchema, role: 'supervisor' }),
  'tariffs.versions': channel({ input: byCode, output: z.array(ScheduleSchema), role: 'supervisor' }),
  'tariffs.createVersion': channel({ input: ScheduleInputSchema, output: ScheduleSchema, role: 'supervisor' }),
  'tariffs.priceNow': channel({ input: z.object({ code, at: isoTime.optional() }).strict(), output: PriceNowSchema, role: 'cashier' }),
  'tariffs.groups': channel({ input: empty, output: z.array(TariffGroupSchema), role: 'supervisor' }),
  /** A group's active meters in number order, a page at a time: pass the last number seen as `after`. */
  'tariffs.groupMeters': channel({
    input: z.object({ groupCode: code, after: meterNumber.optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ numbers: z.array(z.string()), next: z.string().nullable() }),
    role: 'supervisor',
  }),
  'tariffs.saveGroup': channel({ input: z.object({ code, name, scheduleCode: code }).strict(), output: TariffGroupSchema, role: 'supervisor' }),
  /** Assign a schedule to meters directly (they leave any group) or move meters into a group. */
  'tariffs.assign': channel({
    input: z.union([
      z.object({ scheduleCode: code, meterNumbers: z.array(meterNumber).min(1).max(500) }).strict(),
      z.object({ groupCode: code, meterNumbers: z.array(meterNumber).min(1).max(500) }).strict(),
    ]),
    output: z.object({ assigned: z.array(z.string()) }),
    role: 'supervisor',
  }),
  /** Queue the version in force to every meter on this schedule (through the outbox): Acrel, and STS meters on a DCU (a tokens-only one is refused by its cloud). */
  'tariffs.push': channel({ input: byCode, output: z.object({ version: z.number().int(), queued: z.array(z.string()) }), role: 'supervisor' }),
  /** Ask every meter on this schedule (Acrel and STS), or the one meter given, what it holds; list the ones that disagree or could not be read. */
  'tariffs.readBack': channel({ input: z.object({ code, meterNumber: meterNumber.optional() }).strict(), output: ReadBackSchema, role: 'supervisor' }),
} as const;
