// STS meter-management bodies whose amounts are energy (0.1 kWh): balance, payment mode, credit
// limit and maintenance codes. The bodies both clouds share are in ../meter-wire.ts.
import { z } from 'zod';
import { PaymentModeWire } from '../meter-wire';

const MeterNumber = z.string().min(1).max(32);
const IsoTime = z.string().datetime({ offset: true });
/** Signed: a meter in credit mode can run below zero. */
const SignedTenths = z.number().int().min(-18_201_624).max(18_201_624);
const LimitTenths = z.number().int().min(0).max(18_201_624);

export const MeterBalanceSchema = z.object({
  meterNumber: MeterNumber,
  /** kWh left on the meter's credit register, 0.1 kWh (negative in credit mode). */
  remainingTenths: SignedTenths,
  /** The money value of that energy at the vendor's current price; null when the vendor has none. */
  balanceMinor: z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000).nullable(),
  readAt: IsoTime,
});
export type MeterBalance = z.infer<typeof MeterBalanceSchema>;

export const PaymentModeInfoSchema = z.object({ meterNumber: MeterNumber, mode: PaymentModeWire, creditLimitTenths: LimitTenths });
export type PaymentModeInfo = z.infer<typeof PaymentModeInfoSchema>;

export const CreditLimitRequestSchema = z.object({ creditLimitTenths: LimitTenths }).strict();

export const CreditInfoSchema = z.object({
  meterNumber: MeterNumber,
  mode: PaymentModeWire,
  creditLimitTenths: LimitTenths,
  balanceTenths: SignedTenths,
  /** Energy the meter may still use before it trips: balance + limit in credit mode. */
  availableTenths: SignedTenths,
  /** Credit in use: how far below zero the balance is. */
  usedCreditTenths: LimitTenths,
});
export type CreditInfo = z.infer<typeof CreditInfoSchema>;

export const MAINTENANCE_PURPOSES = ['maintenance', 'repair', 'check'] as const;
export const MaintenanceAction = z.enum(['clear_tamper', 'clear_credit', 'set_power_limit']);
export type MaintenanceAction = z.infer<typeof MaintenanceAction>;

export const MaintenanceRequestSchema = z
  .object({
    purpose: z.enum(MAINTENANCE_PURPOSES),
    action: MaintenanceAction,
    /** Only for set_power_limit: the new maximum power, watts. */
    powerLimitW: z.number().int().min(1).max(65_535).optional(),
    /** How long the technician may use the code; printed on the slip. 1 minute .. 7 days. */
    validMinutes: z.number().int().min(1).max(10_080),
  })
  .strict()
  .refine((r) => (r.action === 'set_power_limit') === (r.powerLimitW !== undefined), { message: 'powerLimitW goes with set_power_limit only', path: ['powerLimitW'] });
export type MaintenanceRequest = z.infer<typeof MaintenanceRequestSchema>;

export const MaintenanceCodeSchema = z.object({
  meterNumber: MeterNumber,
  purpose: z.enum(MAINTENANCE_PURPOSES),
  action: MaintenanceAction,
  /** An IEC 62055-41 class 2 management token, 20 digits. */
  code: z.string().regex(/^\d{20}$/),
  tid: z.number().int().nonnegative().max(0xffffff),
  expiresAt: IsoTime,
});
export type MaintenanceCode = z.infer<typeof MaintenanceCodeSchema>;
