// "Enrol with a code" (Settings > Vendors, head office): the counter sends the one-time code to the
// head office's address; the key and secret it answers become the head office settings exactly as
// an admin saving them would make them (sealed, audited without them). Every failure is told in
// Arabic and English: a refusal in the head office's own words; no answer says whether the code
// may have been spent on the way.
import type { HeadOfficeEnrolInput, VendorSettingsView } from '../../../preload/contract';
import { err } from '../../common/errors';
import { endpointUrl } from '../endpoint-url';
import { enrolWithHeadOffice, type EnrolOptions } from '../head-office/enrol';
import { neverArrived } from '../outcome';
import type { VendorSettingsStore } from './store';

export interface EnrolDeps {
  store: VendorSettingsStore;
  /** What the counter calls itself (its configured counter name): recorded at the head office. */
  counterName(): string;
  /** The app's version, sent as `Shahn-POS/<version>`. */
  appVersion: string;
  now(): Date;
  /** Test seam for the exchange's timing; the product uses the defaults. */
  exchange?: Partial<Omit<EnrolOptions, 'userAgent'>>;
}

/** Letters and digits only once separators are dropped; the head office decides whether it is a real code. */
const CODE = /^[A-Z0-9]{8,32}$/;

export async function enrolHeadOffice(d: EnrolDeps, input: HeadOfficeEnrolInput, userId: number): Promise<VendorSettingsView> {
  const baseUrl = input.baseUrl.trim().replace(/\/+$/, '');
  const code = input.code.toUpperCase().replace(/[\s-]+/g, '');
  const bad: string[] = [];
  if (!endpointUrl.safeParse(baseUrl).success) bad.push('baseUrl');
  if (!CODE.test(code)) bad.push('code');
  if (bad.length > 0) {
    const en = [bad.includes('baseUrl') && 'Address: enter the full http:// or https:// address of the head office.', bad.includes('code') && 'Code: enter the enrolment code the head office gave you (letters and digits, e.g. K7QX-M2PD-9HWT-C4RZ).'];
    const ar = [bad.includes('baseUrl') && 'العنوان: أدخل العنوان الكامل للمكتب الرئيسي يبدأ بـ \u2066http://\u2069 أو \u2066https://\u2069.', bad.includes('code') && 'الرمز: أدخل رمز التسجيل الذي أعطاك إياه المكتب الرئيسي (حروف وأرقام، مثل \u2066K7QX-M2PD-9HWT-C4RZ\u2069).'];
    throw err('BAD_INPUT', en.filter(Boolean).join(' '), ar.filter(Boolean).join(' '), bad);
  }
  const view = d.store.views().find((v) => v.vendor === 'headOffice');
  const o = await enrolWithHeadOffice(baseUrl, { code, counterName: d.counterName().slice(0, 64), appVersion: d.appVersion }, { userAgent: `Shahn-POS/${d.appVersion}`, ...d.exchange });
  if (o.kind === 'refused') throw err('VENDOR_REFUSED', o.message.en, o.message.ar);
  if (o.kind === 'unknown') {
    if (neverArrived(o)) {
      throw err('VENDOR_UNREACHABLE', 'The head office could not be reached at this address: check the address and the network, then try again. The code was not used.',
        'تعذّر الوصول إلى المكتب الرئيسي على هذا العنوان: تحقق من العنوان ومن الشبكة ثم أعد المحاولة. لم يُستخدم الرمز.');
    }
    if (o.reason === 'http 429') {
      throw err('VENDOR_UNREACHABLE', 'Too many enrolment attempts from this counter: wait a few minutes, then try again.',
        'محاولات تسجيل كثيرة من نقطة البيع هذه: انتظر بضع دقائق ثم أعد المحاولة.');
    }
    throw err('VENDOR_UNREACHABLE', 'The head office did not answer clearly, so the code may have been used. Try again; if it says the code is used, ask the head office for a new one.',
      'لم يصل رد واضح من المكتب الرئيسي، فقد يكون الرمز استُخدم. أعد المحاولة؛ وإن قيل إن الرمز مستخدم فاطلب رمزًا جديدًا من المكتب الرئيسي.');
  }
  return d.store.save('headOffice', {
    baseUrl,
    apiKey: o.value.counterKey,
    apiSecret: o.value.counterSecret,
    merchantId: '',
    timeoutMs: view?.timeoutMs ?? 30_000,
    retryAttempts: view?.retryAttempts ?? 3,
  }, userId, d.now().toISOString());
}
