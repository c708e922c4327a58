// The vendors.* channels (Settings > Vendors). Secrets go in only: a read says whether a key and a
// secret are stored and shows at most the key's last four characters. The rules a supervisor must
// be told about in words (URL, ranges) are checked in main/vendors/settings/rules.ts.
import { z } from 'zod';
import { Bilingual, channel, empty } from './shared';

export const VENDORS = ['sts', 'acrel', 'headOffice'] as const;
export const VendorName = z.enum(VENDORS);
export type VendorName = z.infer<typeof VendorName>;

export const VendorSettingsViewSchema = z.object({
  vendor: VendorName,
  /** saved: Settings override the environment; environment: the STS_* / ACREL_* / HEAD_OFFICE_* variables; none: not set up. */
  source: z.enum(['saved', 'environment', 'none']),
  baseUrl: z.string().nullable(),
  merchantId: z.string().nullable(),
  timeoutMs: z.number().int(),
  retryAttempts: z.number().int(),
  hasKey: z.boolean(),
  /** At most the last 4 characters of the API key, never more. */
  keyLast4: z.string().max(4).nullable(),
  hasSecret: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type VendorSettingsView = z.infer<typeof VendorSettingsViewSchema>;

export const VendorSettingsInputSchema = z
  .object({
    baseUrl: z.string().max(500),
    /** Empty: keep the key in force (saved or from the environment). */
    apiKey: z.string().max(500),
    /** Empty: keep the secret in force. */
    apiSecret: z.string().max(500),
    /** Empty for the head office (it has none). */
    merchantId: z.string().max(100),
    timeoutMs: z.number().int(),
    retryAttempts: z.number().int(),
  })
  .strict();
export type VendorSettingsInput = z.infer<typeof VendorSettingsInputSchema>;

export const VendorTestResultSchema = z.object({
  vendor: VendorName,
  outcome: z.enum(['ok', 'refused', 'unreachable', 'not_configured']),
  /** How long the answer (or the failure) took. */
  ms: z.number().int().nonnegative(),
  /** The vendor's clock, when it answered. */
  serverTime: z.string().nullable(),
  message: Bilingual,
});
export type VendorTestResult = z.infer<typeof VendorTestResultSchema>;

export const vendorChannels = {
  'vendors.settings': channel({ input: empty, output: z.array(VendorSettingsViewSchema), role: 'supervisor' }),
  /** settings null: forget the saved settings of this vendor (the environment applies again). */
  'vendors.saveSettings': channel({
    input: z.object({ vendor: VendorName, settings: VendorSettingsInputSchema.nullable() }).strict(),
    output: VendorSettingsViewSchema,
    role: 'admin',
  }),
  /** Asks the vendor's health endpoint with the settings in force (no retries, at most 10 s). */
  'vendors.testConnection': channel({ input: z.object({ vendor: VendorName }).strict(), output: VendorTestResultSchema, role: 'supervisor' }),
} as const;
