// "Test connection" in Settings > Vendors: one call to the vendor's health endpoint with the
// settings in force, no retries and at most 10 s, reported in plain words with the time it took.
import type { Bilingual } from '../../../preload/contract';
import type { VendorName, VendorTestResult } from '../../../preload/contract';
import { createAcrelClient } from '../acrel/client';
import type { VendorEndpointConfig } from '../config';
import { createHeadOfficeClient } from '../head-office/client';
import type { VendorOutcome } from '../outcome';
import { createStsVendorClient } from '../sts/client';

export const VENDOR_NAME: Record<VendorName, Bilingual> = {
  sts: { en: 'STS vendor', ar: 'مزود رموز STS' },
  acrel: { en: 'Acrel meter cloud', ar: 'منصة عدادات Acrel' },
  headOffice: { en: 'head office', ar: 'المكتب الرئيسي' },
};

const ask = (v: VendorName, cfg: VendorEndpointConfig): Promise<VendorOutcome<{ serverTime: string }>> => {
  const once = { ...cfg, retryAttempts: 0, timeoutMs: Math.min(cfg.timeoutMs, 10_000) };
  if (v === 'sts') return createStsVendorClient(once).testConnection();
  if (v === 'acrel') return createAcrelClient(once).testConnection();
  return createHeadOfficeClient(once).ping();
};

export async function testVendorConnection(v: VendorName, cfg: VendorEndpointConfig | null, clock: () => number = Date.now): Promise<VendorTestResult> {
  const n = VENDOR_NAME[v];
  if (!cfg) {
    return {
      vendor: v, outcome: 'not_configured', ms: 0, serverTime: null,
      message: { en: `The ${n.en} is not set up at this counter: enter its address, key and secret, then save.`, ar: `${n.ar} غير مهيأ في هذا المركز: أدخل العنوان والمفتاح والسر ثم احفظ.` },
    };
  }
  const started = clock();
  const o = await ask(v, cfg);
  const ms = Math.max(0, Math.round(clock() - started));
  if (o.kind === 'ok') {
    return {
      vendor: v, outcome: 'ok', ms, serverTime: o.value.serverTime,
      message: { en: `Connected: the ${n.en} answered in ${ms} ms and accepted this counter's key and signature.`, ar: `تم الاتصال: أجاب ${n.ar} خلال ${ms} ملّي ثانية وقبل مفتاح هذا المركز وتوقيعه.` },
    };
  }
  if (o.kind === 'refused') {
    return {
      vendor: v, outcome: 'refused', ms, serverTime: null,
      message: {
        en: `The ${n.en} answered but refused this counter: ${o.message.en} (${o.code}). Check the API key, secret and merchant id.`,
        ar: `أجاب ${n.ar} لكنه رفض هذا المركز: ${o.message.ar} (${o.code}). تحقق من مفتاح الواجهة والسر ورقم التاجر.`,
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
