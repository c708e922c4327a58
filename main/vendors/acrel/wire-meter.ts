// Acrel (ADL200) meter-management bodies whose amounts are money (integer minor units): balance,
// payment mode and credit limit. Status, readings, relay commands and schedules are the shared
// bodies of ../meter-wire.ts.
import { z } from 'zod';
import { PaymentModeWire } from '../meter-wire';

const MeterNumber = z.string().min(1).max(32);
const Signed = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);
const Limit = z.number().int().min(0).max(1_000_000_000_000);

export const MeterBalanceSchema = z.object({
  meterNumber: MeterNumber,
  balanceMinor: Signed,
  /** Energy that money buys at the price in force now, 0.1 kWh; null when no price is set. */
  remainingTenths: z.number().int().min(-1_000_000_000).max(1_000_000_000).nullable(),
  readAt: z.string().datetime({ offset: true }),
});
export type MeterBalance = z.infer<typeof MeterBalanceSchema>;

export const PaymentModeInfoSchema = z.object({ meterNumber: MeterNumber, mode: PaymentModeWire, creditLimitMinor: Limit });
export type PaymentModeInfo = z.infer<typeof PaymentModeInfoSchema>;

export const CreditLimitRequestSchema = z.object({ creditLimitMinor: Limit }).strict();

export const CreditInfoSchema = z.object({
  meterNumber: MeterNumber,
  mode: PaymentModeWire,
  creditLimitMinor: Limit,
  balanceMinor: Signed,
  /** Money the meter may still use before it trips: balance + limit in credit mode. */
  availableMinor: Signed,
  usedCreditMinor: Limit,
});
export type CreditInfo = z.infer<typeof CreditInfoSchema>;
