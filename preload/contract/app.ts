// The app.* channel: what the renderer needs to know about this counter before anyone logs in.
import { z } from 'zod';
import { channel, empty, locale } from './shared';

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  currency: z.string(),
  currencyDecimals: z.number().int().min(0).max(3),
  timeZone: z.string(),
  defaultLocale: locale,
  counterName: z.string(),
  /** The counter's number chosen at the first run (null before). */
  counterNumber: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appChannels = {
  'app.info': channel({ input: empty, output: AppInfoSchema, role: 'public' }),
} as const;
