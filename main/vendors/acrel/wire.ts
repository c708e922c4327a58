// Bodies of the Acrel (ADL200) cloud API (PROTOCOL.md, "Acrel API"): the meter holds a money
// balance in minor units and deducts by its own time-of-use prices.
import { z } from 'zod';
import { MinorUnits } from '../wire';

const MeterNumber = z.string().min(1).max(32);
const VendorRef = z.string().min(1).max(64);
/** Signed: a meter in credit mode can run below zero. */
const Balance = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);

export const RechargeRequestSchema = z.object({ amountMinor: MinorUnits.min(1) }).strict();
export type RechargeRequest = z.infer<typeof RechargeRequestSchema>;

export const RechargeResultSchema = z.object({ meterNumber: MeterNumber, amountMinor: MinorUnits, balanceMinor: Balance, vendorRef: VendorRef });
export type RechargeResult = z.infer<typeof RechargeResultSchema>;

// found:false is a 200, never a 404: a 404 from a wrong base URL must not read as "not recharged".
export const RechargeLookupSchema = z.union([z.object({ found: z.literal(false) }), RechargeResultSchema.extend({ found: z.literal(true) })]);
export type RechargeLookup = z.infer<typeof RechargeLookupSchema>;

export const BalanceSchema = z.object({ meterNumber: MeterNumber, balanceMinor: Balance });
export type Balance = z.infer<typeof BalanceSchema>;
