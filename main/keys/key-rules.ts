// What a vending key must be before it is sealed: the same key typed twice, 16 or 32 hex digits,
// the right length for its decoder key generation algorithm, not a weak key, not already expired,
// and (when the certificate's KCV is given) the key the certificate describes.
import type { KeyAttributes } from '../../preload/contract';
import { err } from '../common/errors';
import { keyCheckValue } from './kcv';

/**
 * DES weak and semi-weak keys with their parity bits cleared (FIPS 74, NIST SP 800-67): under them
 * encryption is its own inverse, or pairs of keys undo each other. An all-zero key is among them.
 */
const DES_WEAK = [
  '0000000000000000', 'fefefefefefefefe', 'e0e0e0e0f0f0f0f0', '1e1e1e1e0e0e0e0e',
  '00fe00fe00fe00fe', 'fe00fe00fe00fe00', '1ee01ee00ef00ef0', 'e01ee01ef00ef00e', '00e000e000f000f0', 'e000e000f000f000',
  '1efe1efe0efe0efe', 'fe1efe1efe0efe0e', '001e001e000e000e', '1e001e000e000e00', 'e0fee0fef0fef0fe', 'fee0fee0fef0fef0',
];
const withoutParity = (hex: string) => Buffer.from(Buffer.from(hex, 'hex').map((b) => b & 0xfe)).toString('hex');

/** The key in lower case, or a bilingual BAD_INPUT that never repeats the key. */
export function checkNewKey(k: KeyAttributes, hex: string, again: string | null, today: string, expectedKcv?: string): string {
  const key = hex.trim().replace(/\s+/g, '').toLowerCase();
  if (again !== null && key !== again.trim().replace(/\s+/g, '').toLowerCase()) {
    throw err('BAD_INPUT', 'The two keys typed are not the same. Type the key again in both fields.', 'المفتاحان المُدخلان غير متطابقين. أعد كتابة المفتاح في الحقلين.');
  }
  if (!/^([0-9a-f]{16}){1,2}$/.test(key)) {
    throw err('BAD_INPUT', 'A vending key is 16 or 32 hexadecimal digits (0-9, A-F).', 'مفتاح الشحن ١٦ أو ٣٢ خانة ست عشرية (0-9، A-F).');
  }
  if (/^0+$/.test(key) || (key.length === 16 && DES_WEAK.includes(withoutParity(key))) || (key.length === 32 && key.slice(0, 16) === key.slice(16))) {
    throw err('BAD_INPUT', 'This is a weak key (all zeros, a DES weak key, or two equal halves) and cannot be a vending key. Check the key certificate.',
      'هذا مفتاح ضعيف (أصفار كلها، أو من مفاتيح DES الضعيفة، أو نصفان متساويان) ولا يصلح مفتاح شحن. راجع شهادة المفتاح.');
  }
  if (k.dkga === '02' && key.length !== 16) {
    throw err('BAD_INPUT', 'DKGA02 derives decoder keys with single DES: its vending key is 16 hex digits.', 'خوارزمية DKGA02 تشتق مفاتيح العدادات بـ DES المفرد: مفتاح الشحن لها ١٦ خانة ست عشرية.');
  }
  if (k.dkga === '02' && k.ea !== '07') {
    throw err('BAD_INPUT', 'DKGA02 makes EA07 decoder keys only: choose EA07, or DKGA04 for EA11.', 'خوارزمية DKGA02 تنتج مفاتيح EA07 فقط: اختر EA07، أو DKGA04 لـ EA11.');
  }
  if (k.expiresAt !== null && (Number.isNaN(Date.parse(`${k.expiresAt}T00:00:00Z`)) || k.expiresAt < today)) {
    throw err('BAD_INPUT', `The key's expiry date ${k.expiresAt} is not a date still to come.`, `تاريخ انتهاء المفتاح ${k.expiresAt} ليس تاريخاً قادماً.`);
  }
  if (expectedKcv !== undefined) {
    const kcv = keyCheckValue(key);
    if (kcv !== expectedKcv.trim().toUpperCase()) {
      throw err('BAD_INPUT', `The key's check value is ${kcv}, not ${expectedKcv.toUpperCase()} as on the certificate: the key was mistyped or is another key. Nothing was stored.`,
        `قيمة التحقق للمفتاح ${kcv} وليست ${expectedKcv.toUpperCase()} كما في الشهادة: المفتاح مكتوب خطأ أو هو مفتاح آخر. لم يُحفظ شيء.`);
    }
  }
  return key;
}
