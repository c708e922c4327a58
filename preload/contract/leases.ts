// The leases.* channels: a meter's offline-vending lease as this counter knows it (main/leases), and
// a supervisor's request for it ("Hold for offline sales" on the meter screen).
import { z } from 'zod';
import { Bilingual, channel, isoTime, meterNumber } from './shared';

export const LeaseViewSchema = z.object({
  meterNumber: z.string(),
  /** False: this counter's head office does not lease meters (a standalone counter uses its own keys). */
  enrolled: z.boolean(),
  /** held: by this counter; elsewhere: by another counter, as last heard; none: nobody, as far as this counter knows. */
  state: z.enum(['held', 'elsewhere', 'none']),
  /** held: the last moment this counter may use it (its expiry less the clock margin); elsewhere: the holder's expiry. */
  until: isoTime.nullable(),
  holder: z.string().nullable(),
  /** When the head office last answered about this meter. */
  heardAt: isoTime.nullable(),
});
export type LeaseView = z.infer<typeof LeaseViewSchema>;

export const LeaseHoldResultSchema = z.object({
  lease: LeaseViewSchema,
  /** Why the lease was not granted (another counter holds it, the head office cannot be reached, …); null: granted. */
  refusal: Bilingual.nullable(),
});
export type LeaseHoldResult = z.infer<typeof LeaseHoldResultSchema>;

export const leaseChannels = {
  'leases.get': channel({ input: z.object({ meterNumber }).strict(), output: LeaseViewSchema, role: 'cashier' }),
  'leases.hold': channel({ input: z.object({ meterNumber }).strict(), output: LeaseHoldResultSchema, role: 'supervisor' }),
} as const;
