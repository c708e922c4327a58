// Wire shapes common to every endpoint of the protocol (PROTOCOL.md): the error body and the
// health answer. Each vendor's own bodies live beside its client (sts/wire.ts, acrel/wire.ts ...).
import { z } from 'zod';
import { Bilingual } from '../../preload/contract';

export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string().min(1).max(64), message: Bilingual }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const HealthSchema = z.object({ status: z.literal('ok'), serverTime: z.string().datetime({ offset: true }) });
export type Health = z.infer<typeof HealthSchema>;

/** Idempotency keys: the sale's UUID in practice; anything printable up to 128 characters is allowed. */
export const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9._:-]{8,128}$/);

/** Integer minor units: money never travels as a float. */
export const MinorUnits = z.number().int().nonnegative().max(1_000_000_000_000);
/** Integer 0.1 kWh (the STS unit). 18 201 624 tenths is the largest amount an STS token carries. */
export const EnergyTenths = z.number().int().nonnegative().max(18_201_624);
