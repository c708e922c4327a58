// The settings of one XMLVend 2.1 server, and what makes each field usable, with a sentence per
// bad field in Arabic and English. The field rules come from the NRS schemas (type-test.xsd, the
// 2.0 base schema with the same base types, and the 2.1 type model): EAN is 13 digits, OpName 1..10
// characters without spaces, a GenericDeviceID's id a Msg. Where the schema is looser than what a
// counter should send, the rule is ours and says so. Never echoes what was typed: the password is
// a secret.
import { z } from 'zod';
import { endpointUrl as httpUrl } from '../endpoint-url';
import type { Bilingual } from '../../../preload/contract';
import { err } from '../../common/errors';

const ltr = (s: string) => `\u2066${s}\u2069`;

/** Every ISO 4217 code this runtime knows (ICU keeps the list and each code's minor unit). */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** No whitespace and no control character: XML 1.0 cannot carry most controls at all. */
const noSpaceOrControl = /^[^\s\p{Cc}]+$/u;

export type XmlVendSettingsField =
  | 'url' | 'soapVersion' | 'clientId' | 'terminalId' | 'terminalIdKind' | 'opName' | 'password' | 'currency'
  | 'timeoutMs' | 'adviceWindowMs' | 'conlogVendingServerId' | 'hexingLogin';

/** One sentence per field, shown when that field is wrong. */
export const XMLVEND_SETTINGS_RULES: Record<XmlVendSettingsField, Bilingual> = {
  url: { en: 'Server address: enter the full http:// or https:// address of the XMLVend service, without a user name or password in it.', ar: `عنوان الخادم: أدخل العنوان الكامل لخدمة XMLVend يبدأ بـ ${ltr('http://')} أو ${ltr('https://')}، دون اسم مستخدم أو كلمة مرور فيه.` },
  soapVersion: { en: 'SOAP version: 1.1 or 1.2, as the server expects.', ar: 'إصدار SOAP: ‏1.1 أو 1.2 حسب ما يتوقعه الخادم.' },
  clientId: { en: 'Client ID: the 13-digit EAN the utility gave this counter, digits only.', ar: 'رقم العميل: رقم EAN المكوّن من 13 خانة الذي أعطته شركة الكهرباء لهذا المركز، أرقام فقط.' },
  terminalId: { en: 'Terminal ID: 1 to 32 characters, without spaces at the ends; as an EAN, 13 digits.', ar: 'رقم الطرفية: من 1 إلى 32 حرفاً دون مسافات في الطرفين؛ وإن كان EAN فـ 13 خانة.' },
  terminalIdKind: { en: 'Terminal ID kind: generic (any id) or EAN (13 digits).', ar: 'نوع رقم الطرفية: عام (أي رقم) أو EAN ‏(13 خانة).' },
  opName: { en: 'Operator name: 1 to 10 characters, no spaces.', ar: 'اسم المشغّل: من 1 إلى 10 أحرف دون مسافات.' },
  password: { en: 'Operator password: 6 to 64 characters, no spaces.', ar: 'كلمة مرور المشغّل: من 6 إلى 64 حرفاً دون مسافات.' },
  currency: { en: 'Currency: the three-letter ISO 4217 code the server sells in (for example LYD, ZAR).', ar: `العملة: رمز ISO 4217 من ثلاثة أحرف الذي يبيع به الخادم (مثل ${ltr('LYD')} أو ${ltr('ZAR')}).` },
  timeoutMs: { en: 'Timeout: a whole number of milliseconds from 1000 to 120000.', ar: 'المهلة: عدد صحيح بالملّي ثانية من 1000 إلى 120000.' },
  adviceWindowMs: { en: 'Advice window: how long the server keeps its last answer, a whole number of milliseconds from 60000 (one minute) to 2592000000 (30 days).', ar: 'مدة الاستعلام: المدة التي يحتفظ فيها الخادم بآخر رد، عدد صحيح بالملّي ثانية من 60000 (دقيقة) إلى 2592000000 (30 يوماً).' },
  conlogVendingServerId: { en: 'Conlog vending server ID: digits only (at most 9), or empty when the server is not Conlog.', ar: 'رقم خادم البيع (Conlog): أرقام فقط (9 على الأكثر)، أو فارغ إن لم يكن الخادم من Conlog.' },
  hexingLogin: { en: 'Hexing login: on or off.', ar: 'تسجيل الدخول (Hexing): مفعّل أو غير مفعّل.' },
};

export const XmlVendSettings = z
  .object({
    url: httpUrl,
    soapVersion: z.enum(['1.1', '1.2']).default('1.1'),
    // The schema's EAN is (\d){13}. The GS1 check digit is not required: utilities' servers issue
    // client IDs that fail it (Hexing's Centlec test server gave 0000000000026).
    clientId: z.string().regex(/^\d{13}$/),
    // Sent as GenericDeviceID id (a Msg, up to 160 characters; 32 is ours) or, when the utility
    // numbers terminals with EANs, as EANDeviceID ean. The kind is chosen, never guessed from the value.
    terminalId: z.string().min(1).max(32).refine((s) => s === s.trim() && !/\p{Cc}/u.test(s)),
    terminalIdKind: z.enum(['generic', 'ean']).default('generic'),
    // OpName: (\S){1,10}.
    opName: z.string().max(10).regex(noSpaceOrControl),
    // Password is (\S){6,15} in the NRS 2.0 schema, but ENDE's Conlog server takes a 40-character
    // SHA-1 hex digest (samples ConfirmCustomerReq.3): room for a 64-character digest, no spaces.
    password: z.string().min(6).max(64).regex(noSpaceOrControl),
    currency: z.string().refine((c) => /^[A-Z]{3}$/.test(c) && CURRENCIES.has(c)),
    timeoutMs: z.number().int().min(1000).max(120_000).default(30_000),
    // After this long the server no longer has the answer to a message: lastRespAdviceReq's "no
    // such transaction" then means it was never vended. A day unless the server's operator says
    // otherwise: too long only makes a customer wait, too short could vend twice.
    adviceWindowMs: z.number().int().min(60_000).max(30 * 86_400_000).default(86_400_000),
    // Conlog's optional vendingServerID (a string in its BaseReq, an int in its PayAccReq).
    conlogVendingServerId: z.string().regex(/^\d{1,9}$/).optional(),
    // Hexing servers want a loginReq (their extension) before vending.
    hexingLogin: z.boolean().default(false),
  })
  .strict()
  .refine((s) => s.terminalIdKind === 'generic' || /^\d{13}$/.test(s.terminalId), { path: ['terminalId'] });

export type XmlVendSettings = z.infer<typeof XmlVendSettings>;
export type XmlVendSettingsInput = z.input<typeof XmlVendSettings>;

/**
 * The settings, checked, with defaults filled in; a BAD_INPUT error naming each bad field (one
 * sentence each, in both languages) otherwise. An unknown field is refused too: a misspelt
 * extension must not be silently off.
 */
export function checkXmlVendSettings(input: unknown): XmlVendSettings {
  const r = XmlVendSettings.safeParse(input);
  if (r.success) return r.data;
  const fields: XmlVendSettingsField[] = [];
  for (const issue of r.error.issues) {
    if (issue.code !== 'unrecognized_keys' && issue.path.length === 0) {
      throw err('BAD_INPUT', 'XMLVend settings: expected the settings of one server.', 'إعدادات XMLVend: المتوقع إعدادات خادم واحد.');
    }
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0])];
    for (const k of keys) {
      if (!(k in XMLVEND_SETTINGS_RULES)) {
        throw err('BAD_INPUT', `XMLVend settings: unknown field ${k}.`, `إعدادات XMLVend: حقل غير معروف ${ltr(k)}.`, [k]);
      }
      if (!fields.includes(k as XmlVendSettingsField)) fields.push(k as XmlVendSettingsField);
    }
  }
  const msgs = fields.map((f) => XMLVEND_SETTINGS_RULES[f]);
  throw err('BAD_INPUT', msgs.map((m) => m.en).join(' '), msgs.map((m) => m.ar).join(' '), fields);
}
