// The backup.* channel: a copy of the database on demand, beside the ones made at each Z report.
import { z } from 'zod';
import { channel, empty, isoTime } from './shared';

export const BackupResultSchema = z.object({ file: z.string(), bytes: z.number().int().nonnegative(), at: isoTime });

export const backupChannels = {
  'backup.now': channel({ input: empty, output: BackupResultSchema, role: 'supervisor' }),
} as const;
