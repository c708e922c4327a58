// What makes a vendor's connection settings usable, with a sentence per bad field in Arabic and
// English. Never echoes what was typed: the key and secret fields hold secrets.
import { endpointUrl as httpUrl } from '../endpoint-url';
import type { Bilingual } from '../../../preload/contract';
import type { VendorName, VendorSettingsInput } from '../../../preload/contract';
import { err } from '../../common/errors';

const ltr = (s: string) => `\u2066${s}\u2069`;

/** One sentence per field of Shahn's own API settings, shown when that field is wrong. */
export const VENDOR_SETTINGS_RULES: Record<string, Bilingual> = {
  baseUrl: { en: 'Address: enter the full http:// or https:// address of the service.', ar: `العنوان: أدخل العنوان الكامل للخدمة يبدأ بـ ${ltr('http://')} أو ${ltr('https://')}.` },
  apiKey: { en: 'API key: enter it (nothing is stored yet), without spaces, at most 200 characters.', ar: 'مفتاح الواجهة: أدخله (لا يوجد مفتاح محفوظ بعد)، دون مسافات، 200 حرف على الأكثر.' },
  apiSecret: { en: 'API secret: enter it (nothing is stored yet), at most 200 characters.', ar: 'السر: أدخله (لا يوجد سر محفوظ بعد)، 200 حرف على الأكثر.' },
  merchantId: { en: 'Merchant id: enter the id the vendor gave this counter (letters, digits, - and _ only).', ar: 'رقم التاجر: أدخل الرقم الذي أعطاه المزود لهذا المركز (حروف وأرقام و - و _ فقط).' },
  timeoutMs: { en: 'Timeout: a whole number of milliseconds from 1000 to 120000.', ar: 'المهلة: عدد صحيح بالملّي ثانية من 1000 إلى 120000.' },
  retryAttempts: { en: 'Retries: a whole number from 0 to 10.', ar: 'المحاولات الإضافية: عدد صحيح من 0 إلى 10.' },
};

export interface CheckedSettings {
  baseUrl: string;
  /** null: keep the one in force. */
  apiKey: string | null;
  apiSecret: string | null;
  merchantId: string | null;
  timeoutMs: number;
  retryAttempts: number;
}

/**
 * Trims, turns blanks into "keep", checks. `kept` says whether a key/secret is in force already
 * (saved or environment), so a blank is only allowed when there is something to keep.
 */
export function checkVendorSettings(vendor: VendorName, i: VendorSettingsInput, kept: { apiKey: boolean; apiSecret: boolean }): CheckedSettings {
  const blank = (s: string) => (s.trim() === '' ? null : s.trim());
  const s: CheckedSettings = {
    baseUrl: i.baseUrl.trim().replace(/\/+$/, ''),
    apiKey: blank(i.apiKey),
    apiSecret: blank(i.apiSecret),
    merchantId: blank(i.merchantId),
    timeoutMs: i.timeoutMs,
    retryAttempts: i.retryAttempts,
  };
  const bad: string[] = [];
  if (!httpUrl.safeParse(s.baseUrl).success) bad.push('baseUrl');
  if (s.apiKey === null ? !kept.apiKey : s.apiKey.length > 200 || /\s/.test(s.apiKey)) bad.push('apiKey');
  if (s.apiSecret === null ? !kept.apiSecret : s.apiSecret.length > 200) bad.push('apiSecret');
  if (vendor !== 'headOffice' && (s.merchantId === null || !/^[A-Za-z0-9_-]{1,64}$/.test(s.merchantId))) bad.push('merchantId');
  if (vendor === 'headOffice') s.merchantId = null;
  if (!(s.timeoutMs >= 1000 && s.timeoutMs <= 120_000)) bad.push('timeoutMs');
  if (!(s.retryAttempts >= 0 && s.retryAttempts <= 10)) bad.push('retryAttempts');
  if (bad.length === 0) return s;
  const msgs = bad.map((f) => VENDOR_SETTINGS_RULES[f]!);
  throw err('BAD_INPUT', msgs.map((m) => m.en).join(' '), msgs.map((m) => m.ar).join(' '), bad);
}
