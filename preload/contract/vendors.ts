// The vendors.* channels (Settings > Vendors). Secrets go in only: a read says whether a key and a
// secret are stored and shows at most the key's last four characters. The rules a supervisor must
// be told about in words (URL, ranges) are checked in main/vendors/settings/rules.ts.
// The STS vendor speaks Shahn's own API or XMLVend 2.1 (a utility's vending server); for XMLVend
// the common fields take that server's meaning: baseUrl its SOAP address, merchantId this counter's
// client ID (13-digit EAN), apiKey the operator name, apiSecret the operator's password.
import { z } from 'zod';
import { Bilingual, channel, empty } from './shared';

export const VENDORS = ['sts', 'acrel', 'headOffice'] as const;
export const VendorName = z.enum(VENDORS);
export type VendorName = z.infer<typeof VendorName>;

export const VENDOR_PROTOCOLS = ['shahn', 'xmlvend'] as const;
export const VendorProtocol = z.enum(VENDOR_PROTOCOLS);
export type VendorProtocol = z.infer<typeof VendorProtocol>;

/** An XMLVend server's own settings as Settings shows them: none of them is a secret. */
export const XmlVendFieldsViewSchema = z.object({
  /** The operator name (sent as the apiKey). A user name, shown so the form can be corrected; the password never is. */
  opName: z.string(),
  terminalId: z.string(),
  terminalIdKind: z.enum(['generic', 'ean']),
  soapVersion: z.enum(['1.1', '1.2']),
  /** The ISO 4217 code the server sells in. */
  currency: z.string(),
  /** How long the server keeps its last answer for advice, in milliseconds. */
  adviceWindowMs: z.number().int(),
  conlogVendingServerId: z.string().nullable(),
  hexingLogin: z.boolean(),
});
export type XmlVendFieldsView = z.infer<typeof XmlVendFieldsViewSchema>;

/** What an admin types for an XMLVend server beyond address, client ID, operator and password. */
export const XmlVendFieldsInputSchema = z
  .object({
    terminalId: z.string().max(100),
    terminalIdKind: z.enum(['generic', 'ean']),
    soapVersion: z.enum(['1.1', '1.2']),
    currency: z.string().max(10),
    adviceWindowMs: z.number().int(),
    /** Empty: the server is not Conlog's. */
    conlogVendingServerId: z.string().max(20),
    hexingLogin: z.boolean(),
  })
  .strict();
export type XmlVendFieldsInput = z.infer<typeof XmlVendFieldsInputSchema>;

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
  /** What the vendor speaks: Shahn's API, or XMLVend 2.1 (the STS vendor only). */
  protocol: VendorProtocol,
  /** Set when protocol is xmlvend. */
  xmlvend: XmlVendFieldsViewSchema.nullable(),
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
    /** Absent: shahn. xmlvend is for the STS vendor only. */
    protocol: VendorProtocol.optional(),
    /** Required with protocol xmlvend (each missing field is named); ignored otherwise. */
    xmlvend: XmlVendFieldsInputSchema.optional(),
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

/** "Enrol with a code": the head office's address and the one-time code an admin made there. */
export const HeadOfficeEnrolInputSchema = z
  .object({
    baseUrl: z.string().max(500),
    /** As read out or typed: letters and digits, any case, groups separated by spaces or dashes. */
    code: z.string().max(64),
  })
  .strict();
export type HeadOfficeEnrolInput = z.infer<typeof HeadOfficeEnrolInputSchema>;

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
  /**
   * Enrols this counter at the head office with a one-time code: the key and secret it answers
   * are saved as the head office's settings (sealed, audited without them), in force at once.
   */
  'vendors.enrolHeadOffice': channel({ input: HeadOfficeEnrolInputSchema, output: VendorSettingsViewSchema, role: 'admin' }),
} as const;
