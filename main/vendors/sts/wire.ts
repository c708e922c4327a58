// Bodies of the STS vendor API (PROTOCOL.md, "STS vendor API"). Shared by the client, which
// validates every answer with them, and by the simulator, which validates every request.
import { z } from 'zod';
import { EnergyTenths, MinorUnits } from '../wire';

const MeterNumber = z.string().min(1).max(32);
const Token = z.string().regex(/^\d{20}$/);
const Tid = z.number().int().nonnegative().max(0xffffff);
const VendorRef = z.string().min(1).max(64);
const PositiveEnergy = EnergyTenths.min(1);

export const ChargeRequestSchema = z.object({ meterNumber: MeterNumber, energyTenths: PositiveEnergy, amountMinor: MinorUnits }).strict();
export type ChargeRequest = z.infer<typeof ChargeRequestSchema>;

/**
 * energyTenths is what the token carries: STS amounts round up to the next value a token can hold.
 * meterNumber, energyTenths and amountMinor echo what the vendor vended: the counter checks them
 * against its sale before believing the token (a mismatch stays unknown for a supervisor).
 */
export const ChargeResultSchema = z.object({ meterNumber: MeterNumber, token: Token, tid: Tid, energyTenths: EnergyTenths, amountMinor: MinorUnits, vendorRef: VendorRef });
export type ChargeResult = z.infer<typeof ChargeResultSchema>;

// found:false is a 200, never a 404: a 404 from a wrong base URL must not read as "not charged".
export const ChargeLookupSchema = z.union([
  z.object({ found: z.literal(false) }),
  ChargeResultSchema.extend({ found: z.literal(true) }),
]);
export type ChargeLookup = z.infer<typeof ChargeLookupSchema>;

export const RechargeRequestSchema = z.object({ energyTenths: PositiveEnergy, amountMinor: MinorUnits }).strict();
export type RechargeRequest = z.infer<typeof RechargeRequestSchema>;

export const RechargeResultSchema = z.object({
  meterNumber: MeterNumber,
  energyTenths: EnergyTenths,
  balanceTenths: z.number().int(),
  vendorRef: VendorRef,
});
export type RechargeResult = z.infer<typeof RechargeResultSchema>;

export const RechargeLookupSchema = z.union([
  z.object({ found: z.literal(false) }),
  RechargeResultSchema.extend({ found: z.literal(true) }),
]);
export type RechargeLookup = z.infer<typeof RechargeLookupSchema>;

/** May be negative for a meter in credit mode that has used more than it bought. */
export const PrepaidBalanceSchema = z.object({ meterNumber: MeterNumber, balanceTenths: z.number().int() });
export type PrepaidBalance = z.infer<typeof PrepaidBalanceSchema>;
