// "Test connection" in Settings > Vendors: one call to the vendor's health endpoint with the
// settings in force, no retries and at most 10 s, reported in plain words with the time it took.
// An XMLVend server is asked with a last-response advice (its client answers "test connection"
// that way): any XMLVend answer but an authorisation fault proves address, client ID and operator.
import type { Bilingual } from '../../../preload/contract';
import type { VendorName, VendorTestResult } from '../../../preload/contract';
import type { VendorConfig, VendorEndpointConfig } from '../config';
import { buildVendorClients, type XmlVendHost } from '../holder';
import type { VendorOutcome } from '../outcome';

export const VENDOR_NAME: Record<VendorName, Bilingual> = {
  sts: { en: 'STS vendor', ar: 'مزود رموز STS' },
  acrel: { en: 'Acrel meter cloud', ar: 'منصة عدادات Acrel' },
  headOffice: { en: 'head office', ar: 'المكتب الرئيسي' },
};

/** The credentials a refusal is about, in the words of the vendor's protocol. */
const CREDENTIALS: Record<'shahn' | 'xmlvend', Bilingual & { accepted: Bilingual }> = {
  shahn: {
    en: 'Check the API key, secret and merchant id.', ar: 'تحقق من مفتاح الواجهة والسر ورقم التاجر.',
    accepted: { en: "accepted this counter's key and signature", ar: 'وقبل مفتاح هذا المركز وتوقيعه' },
  },
  xmlvend: {
    en: 'Check the client ID, the operator name and password.', ar: 'تحقق من رقم العميل واسم المشغّل وكلمة المرور.',
    accepted: { en: "accepted this counter's client ID and operator", ar: 'وقبل رقم العميل لهذا المركز والمشغّل' },
  },
};

// Clients built as the holder builds them (an XMLVend server gets the XMLVend client), without the
// attempt ledger: a test is not a keyed request.
const ask = (v: VendorName, cfg: VendorEndpointConfig, xmlvend: XmlVendHost | null): Promise<VendorOutcome<{ serverTime: string }>> => {
  const once = { ...cfg, retryAttempts: 0, timeoutMs: Math.min(cfg.timeoutMs, 10_000) };
  const only: VendorConfig = { sts: v === 'sts' ? once : null, acrel: v === 'acrel' ? once : null, headOffice: v === 'headOffice' ? once : null };
  const c = buildVendorClients(only, null, xmlvend);
  if (c.sts) return c.sts.testConnection();
  if (c.acrel) return c.acrel.testConnection();
  return c.headOffice!.ping();
};

export async function testVendorConnection(v: VendorName, cfg: VendorEndpointConfig | null, xmlvend: XmlVendHost | null, clock: () => number = Date.now): Promise<VendorTestResult> {
  const n = VENDOR_NAME[v];
  if (!cfg) {
    return {
      vendor: v, outcome: 'not_configured', ms: 0, serverTime: null,
      message: { en: `The ${n.en} is not set up at this counter: enter its address, key and secret, then save.`, ar: `${n.ar} غير مهيأ في هذا المركز: أدخل العنوان والمفتاح والسر ثم احفظ.` },
    };
  }
  const creds = CREDENTIALS[cfg.xmlvend ? 'xmlvend' : 'shahn'];
  const started = clock();
  const o = await ask(v, cfg, xmlvend);
  const ms = Math.max(0, Math.round(clock() - started));
  if (o.kind === 'ok') {
    return {
      vendor: v, outcome: 'ok', ms, serverTime: o.value.serverTime,
      message: { en: `Connected: the ${n.en} answered in ${ms} ms and ${creds.accepted.en}.`, ar: `تم الاتصال: أجاب ${n.ar} خلال ${ms} ملّي ثانية ${creds.accepted.ar}.` },
    };
  }
  if (o.kind === 'refused') {
    return {
      vendor: v, outcome: 'refused', ms, serverTime: null,
      message: {
        en: `The ${n.en} answered but refused this counter: ${o.message.en} (${o.code}). ${creds.en}`,
        ar: `أجاب ${n.ar} لكنه رفض هذا المركز: ${o.message.ar} (${o.code}). ${creds.ar}`,
      },
    };
  }
  // The reason is the client's own wording (ECONNREFUSED, timeout after N ms, 503...), no secrets in it.
  return {
    vendor: v, outcome: 'unreachable', ms, serverTime: null,
    message: {
      en: `No answer from the ${n.en} at ${cfg.baseUrl} (${o.reason}). Check the address and the network.`,
      ar: `لا إجابة من ${n.ar} على العنوان \u2066${cfg.baseUrl}\u2069 (${o.reason}). تحقق من العنوان ومن الشبكة.`,
    },
  };
}
