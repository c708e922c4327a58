// The setup.* channels: the first run of a counter. While the database holds no user, Shahn shows
// the setup flow instead of the login; each step is validated and kept in the database (a crash
// resumes at the step it stopped at), and setup.createAdmin ends it. Every channel is public (no
// one can log in yet) and, once any user exists, every one but setup.status is refused with
// SETUP_DONE before its input is even read (main/setup/gate.ts).
import { z } from 'zod';
import { Bilingual, channel, empty, locale, pin, PrintOutcomeSchema } from './shared';
import { PrinterSettingsSchema } from './printer';
import { VendorName, VendorSettingsInputSchema, VendorSettingsViewSchema, VendorTestResultSchema } from './vendors';

/** The steps in the order the flow walks them; the first admin is last because it ends setup. */
export const SETUP_STEPS = ['language', 'counter', 'currency', 'timeZone', 'company', 'vendors', 'printer', 'admin'] as const;
export const SetupStep = z.enum(SETUP_STEPS);
export type SetupStep = z.infer<typeof SetupStep>;

// Shapes only: the rules that need a sentence in both languages are checked in main/setup/rules.ts.
const text = (max: number) => z.string().max(max);

export const SetupCounterInput = z.object({ name: text(200), number: text(200) }).strict();
export const SetupCurrencyInput = z.object({ code: text(10), decimals: z.number().int() }).strict();
export const SetupTimeZoneInput = z.object({ timeZone: text(100) }).strict();
export const SetupCompanyInput = z.object({ name: Bilingual, address: Bilingual, taxNumber: text(200) }).strict();
/** Where receipts go: the printer half of Settings > Printer (the company half is the company step). */
export const SetupPrinterInput = PrinterSettingsSchema.pick({ iface: true, widthMm: true, profile: true, language: true, cashDrawer: true }).strict();
export type SetupPrinterInput = z.infer<typeof SetupPrinterInput>;

export const SetupStatusSchema = z.object({
  needed: z.boolean(),
  /** The step to show: the first one not done yet (absent once setup is over). */
  step: SetupStep.optional(),
  done: z.array(SetupStep).optional(),
  /** What the steps saved so far, to fill the forms again after a restart. Never a secret. */
  saved: z.object({
    language: locale.nullable(),
    counter: z.object({ name: z.string(), number: z.string() }).nullable(),
    currency: z.object({ code: z.string(), decimals: z.number().int() }).nullable(),
    timeZone: z.string().nullable(),
    company: z.object({ name: Bilingual, address: Bilingual.nullable(), taxNumber: z.string().nullable() }).nullable(),
    vendors: z.object({ offlineOnly: z.boolean(), views: z.array(VendorSettingsViewSchema) }),
    printer: SetupPrinterInput,
  }).optional(),
});
export type SetupStatus = z.infer<typeof SetupStatusSchema>;

const ok = z.object({ step: SetupStep, next: SetupStep });

export const setupChannels = {
  'setup.status': channel({ input: empty, output: SetupStatusSchema, role: 'public' }),
  'setup.saveLanguage': channel({ input: z.object({ language: locale }).strict(), output: ok, role: 'public' }),
  'setup.saveCounter': channel({ input: SetupCounterInput, output: ok, role: 'public' }),
  'setup.saveCurrency': channel({ input: SetupCurrencyInput, output: ok, role: 'public' }),
  'setup.saveTimeZone': channel({ input: SetupTimeZoneInput, output: ok, role: 'public' }),
  'setup.saveCompany': channel({ input: SetupCompanyInput, output: ok, role: 'public' }),
  /** One vendor's endpoint, through the same rules and sealed store as Settings > Vendors. */
  'setup.saveVendor': channel({ input: z.object({ vendor: VendorName, settings: VendorSettingsInputSchema }).strict(), output: VendorSettingsViewSchema, role: 'public' }),
  'setup.testVendor': channel({ input: z.object({ vendor: VendorName }).strict(), output: VendorTestResultSchema, role: 'public' }),
  /** Ends the vendors step: offlineOnly = this counter makes STS tokens itself and asks no vendor. */
  'setup.finishVendors': channel({ input: z.object({ offlineOnly: z.boolean() }).strict(), output: ok, role: 'public' }),
  'setup.savePrinter': channel({ input: SetupPrinterInput, output: ok, role: 'public' }),
  'setup.testPrinter': channel({ input: SetupPrinterInput, output: PrintOutcomeSchema, role: 'public' }),
  /** The first administrator; ends setup in the same transaction that makes sure no user exists. */
  'setup.createAdmin': channel({
    input: z.object({
      username: text(100), displayName: text(200), pin,
      /** The name in Latin letters (English receipts and lists). */
      displayNameLatin: text(200).optional(),
      /** The PIN typed a second time; when given it must match. */
      pinConfirm: z.string().max(12).optional(),
      locale: locale.optional(),
    }).strict(),
    output: z.object({ id: z.number().int(), username: z.string() }),
    role: 'public',
  }),
} as const;
