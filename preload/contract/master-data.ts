// The masterData.* channels: who owns this counter's meters, customers, tariffs and users (the
// head office once the counter is enrolled), and the pull that brings them: its status on the
// read-only screens, and "Sync now" for a supervisor.
import { z } from 'zod';
import { Bilingual, channel, empty, isoTime } from './shared';

export const MasterDataStatusSchema = z.object({
  /** 'head-office': the screens that edit master data are read-only here. */
  owner: z.enum(['counter', 'head-office']),
  /** The last head-office change applied (0: none yet). */
  cursor: z.number().int().nonnegative(),
  lastPullAt: isoTime.nullable(),
  lastSuccessAt: isoTime.nullable(),
  /** Why the last pull stopped: the record (entity and key) it could not apply, or the head office's answer. Cleared by a pull that gets past it. */
  error: z.object({ entity: z.string(), key: z.string(), message: Bilingual }).nullable(),
  running: z.boolean(),
  /**
   * Head-office records this counter set aside (a username its own setup made, a schedule version
   * it holds with other prices…), with why: everything else was applied. Tried again on each pull.
   */
  heldBack: z.array(z.object({ entity: z.string(), key: z.string(), version: z.number().int().positive(), message: Bilingual, heldAt: isoTime })),
});
export type MasterDataStatus = z.infer<typeof MasterDataStatusSchema>;

export const masterDataChannels = {
  'masterData.status': channel({ input: empty, output: MasterDataStatusSchema, role: 'cashier' }),
  'masterData.sync': channel({ input: empty, output: MasterDataStatusSchema, role: 'supervisor' }),
} as const;
