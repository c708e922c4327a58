// The keys.* channels: STS vending keys, sealed in the key store. They go in and are listed by
// SGC and KRN; a key itself is never returned.
import { z } from 'zod';
import { channel, empty } from './shared';

const KeyEntry = z.object({ sgc: z.string(), krn: z.number().int(), createdAt: z.string() });

export const keyChannels = {
  'keys.list': channel({ input: empty, output: z.array(KeyEntry), role: 'admin' }),
  'keys.put': channel({
    input: z.object({ sgc: z.string().trim().regex(/^\d{6}$/), krn: z.number().int().min(1).max(9), vendingKeyHex: z.string().trim().regex(/^[0-9a-fA-F]{16}([0-9a-fA-F]{16})?$/, '16 or 32 hex digits') }).strict(),
    output: KeyEntry, role: 'admin',
  }),
} as const;
