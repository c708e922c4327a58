// What each setup step accepts, with one sentence per bad field in Arabic and English. The
// contract checked the shapes; these are the rules an operator must be told about in words.
import { z } from 'zod';
import type { Bilingual } from '../../preload/contract';
import { err } from '../common/errors';
import { weakPinReason } from '../auth/pin-rule';

const ltr = (s: string) => `\u2066${s}\u2069`;

/** Every ISO 4217 code this runtime knows (ICU keeps the list, with each code's minor unit). */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone'));

// isoDecimals lives with the other ISO 4217 rules in common (vendors read amounts with it too).
export { isoDecimals } from '../common/currency';

export function isTimeZone(tz: string): boolean {
  if (TIME_ZONES.has(tz)) return true;
  // Aliases ICU accepts but does not list (UTC, Asia/Calcutta...) are valid IANA names too.
  try {
    return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}

const MESSAGES: Record<string, Bilingual> = {
  name: { en: 'Counter name: 1 to 64 characters.', ar: 'اسم نقطة البيع: من 1 إلى 64 حرفاً.' },
  number: { en: 'Counter number: 1 to 16 Latin letters, digits or dashes (such as 1 or ADEN-03).', ar: `رقم نقطة البيع: من 1 إلى 16 من الحروف اللاتينية أو الأرقام أو الشرطات (مثل ${ltr('1')} أو ${ltr('ADEN-03')}).` },
  code: { en: 'Currency: a three-letter ISO 4217 code such as YER, SAR or USD.', ar: `العملة: رمز من ثلاثة أحرف حسب ISO 4217 مثل ${ltr('YER')} أو ${ltr('SAR')} أو ${ltr('USD')}.` },
  decimals: { en: 'Decimals: 0, 1, 2 or 3 digits after the point.', ar: 'الخانات العشرية: 0 أو 1 أو 2 أو 3 بعد الفاصلة.' },
  timeZone: { en: 'Time zone: choose one from the list (an IANA name such as Asia/Aden).', ar: `المنطقة الزمنية: اختر واحدة من القائمة (اسم IANA مثل ${ltr('Asia/Aden')}).` },
  'name.ar': { en: 'Company name in Arabic: 1 to 60 characters.', ar: 'اسم الشركة بالعربية: من 1 إلى 60 حرفاً.' },
  'name.en': { en: 'Company name in English: 1 to 60 characters.', ar: 'اسم الشركة بالإنجليزية: من 1 إلى 60 حرفاً.' },
  address: { en: 'Address: at most 120 characters in each language (it is printed on every receipt).', ar: 'العنوان: 120 حرفاً على الأكثر لكل لغة (يطبع على كل إيصال).' },
  taxNumber: { en: 'Tax number: letters, digits, spaces and dashes only, at most 32 (or leave it empty).', ar: 'الرقم الضريبي: حروف وأرقام ومسافات وشرطات فقط، 32 على الأكثر (أو اتركه فارغاً).' },
  username: { en: 'Username: 3 to 32 Latin letters, digits, dot, dash or underscore, starting with a letter.', ar: 'اسم المستخدم: من 3 إلى 32 من الحروف اللاتينية أو الأرقام أو النقطة أو الشرطة، يبدأ بحرف.' },
  displayName: { en: 'Name in Arabic: 1 to 60 characters.', ar: 'الاسم بالعربية: من 1 إلى 60 حرفاً.' },
  displayNameLatin: { en: 'Name in Latin letters: 1 to 60 Latin letters, spaces, dots, dashes or apostrophes (or leave it empty).', ar: 'الاسم بالحروف اللاتينية: من 1 إلى 60 من الحروف اللاتينية أو المسافات أو النقاط أو الشرطات (أو اتركه فارغاً).' },
  pinConfirm: { en: 'The two PINs differ: type the same PIN twice.', ar: 'الرقمان السريان مختلفان: اكتب الرقم السري نفسه مرتين.' },
};

/** Throws BAD_INPUT with the sentences of the named fields, in the order given. */
function refuse(fields: string[]): never {
  const msgs = fields.map((f) => MESSAGES[f] ?? { en: `${f} is not valid.`, ar: `${f} غير صالح.` });
  throw err('BAD_INPUT', msgs.map((m) => m.en).join(' '), msgs.map((m) => m.ar).join(' '), fields);
}

/** Trims every string, checks with `schema`, and names each bad field (the first path part, or two for a pair). */
function check<T>(schema: z.ZodType<T>, input: unknown, pairs: string[] = []): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields = [...new Set(r.error.issues.map((i) => {
    const head = String(i.path[0]);
    return pairs.includes(head) && i.path.length > 1 ? `${head}.${String(i.path[1])}` : head;
  }))];
  return refuse(fields);
}

const trimmed = (min: number, max: number) => z.string().trim().min(min).max(max);

export const checkCounter = (i: { name: string; number: string }) =>
  check(z.object({ name: trimmed(1, 64), number: z.string().trim().regex(/^[A-Za-z0-9-]{1,16}$/) }), i);

export function checkCurrency(i: { code: string; decimals: number }): { code: string; decimals: number } {
  const code = i.code.trim().toUpperCase();
  const bad = [...(/^[A-Z]{3}$/.test(code) && CURRENCIES.has(code) ? [] : ['code']), ...(Number.isInteger(i.decimals) && i.decimals >= 0 && i.decimals <= 3 ? [] : ['decimals'])];
  if (bad.length) refuse(bad);
  return { code, decimals: i.decimals };
}

export function checkTimeZone(tz: string): string {
  const t = tz.trim();
  if (!isTimeZone(t)) refuse(['timeZone']);
  return t;
}

export interface Company { name: Bilingual; address: Bilingual | null; taxNumber: string | null }

export function checkCompany(i: { name: Bilingual; address: Bilingual; taxNumber: string }): Company {
  const c = check(z.object({
    name: z.object({ ar: trimmed(1, 60), en: trimmed(1, 60) }),
    address: z.object({ ar: trimmed(0, 120), en: trimmed(0, 120) }),
    taxNumber: z.string().trim().regex(/^([A-Za-z0-9 -]{1,32})?$/),
  }), i, ['name']);
  return { name: c.name, address: c.address.ar || c.address.en ? c.address : null, taxNumber: c.taxNumber || null };
}

export interface FirstAdmin { username: string; displayName: string; displayNameLatin: string | null; pin: string }

export function checkFirstAdmin(i: { username: string; displayName: string; displayNameLatin?: string; pin: string; pinConfirm?: string }): FirstAdmin {
  const a = check(z.object({
    username: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9._-]{2,31}$/),
    displayName: trimmed(1, 60),
    displayNameLatin: z.string().trim().regex(/^([A-Za-z][A-Za-z .'-]{0,59})?$/).optional(),
    pin: z.string(),
    pinConfirm: z.string().optional(),
  }), i);
  const weak = weakPinReason(a.pin);
  if (a.pinConfirm !== undefined && a.pinConfirm !== a.pin) refuse(['pinConfirm']);
  if (weak) throw err('BAD_INPUT', weak.en, weak.ar, ['pin']);
  return { username: a.username, displayName: a.displayName, displayNameLatin: a.displayNameLatin || null, pin: a.pin };
}
