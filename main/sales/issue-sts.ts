// Step 3 for STS: ask the vendor for the token with the sale's id as idempotency key.
// A lost answer is `unknown` and is resolved later by asking about the same key, never by
// vending again. (Local vending when the vendor is unreachable arrives with the offline issue.)
import type { Quote } from '../../preload/contract';
import type { Outcome } from '../../db/repos/sales';
import type { SalesDeps } from './ports';

export async function issueSts(deps: Pick<SalesDeps, 'sts' | 'log'>, saleId: string, quote: Quote): Promise<Outcome> {
  const res = await deps.sts.chargeMeter({
    meterNumber: quote.meterNumber,
    energyTenths: quote.energyTenths ?? 0,
    amountMinor: quote.valueMinor,
    idempotencyKey: saleId,
  });
  if (res.kind === 'ok') {
    if (res.value.energyTenths !== quote.energyTenths) {
      deps.log.error({ saleId, asked: quote.energyTenths, got: res.value.energyTenths }, 'vendor token energy differs from the sale');
    }
    return { status: 'issued', token: res.value.token, tokenSource: 'vendor', tid: res.value.tid, vendorRef: res.value.vendorRef };
  }
  if (res.kind === 'refused') {
    deps.log.warn({ saleId, code: res.code }, 'vendor refused the token');
    return { status: 'failed', errorCode: res.code, errorMessage: res.message };
  }
  if (res.reason.startsWith('unreachable:')) {
    // The request never reached the vendor, so no token exists: the sale definitely failed.
    deps.log.warn({ saleId, reason: res.reason }, 'vendor unreachable, no token issued');
    return {
      status: 'failed',
      errorCode: 'VENDOR_UNREACHABLE',
      errorMessage: {
        en: 'The token service cannot be reached, so no token was issued. Return the money to the customer or try again.',
        ar: 'تعذر الوصول إلى خدمة الشحن ولم يصدر أي رمز. أعد المبلغ للعميل أو حاول مرة أخرى.',
      },
    };
  }
  deps.log.warn({ saleId, reason: res.reason }, 'token outcome unknown, will verify with the vendor');
  return {
    status: 'unknown',
    errorCode: 'OUTCOME_UNKNOWN',
    errorMessage: {
      en: 'The token service did not answer in time. Shahn is confirming with the vendor; do not sell again for this payment.',
      ar: 'لم تستجب خدمة الشحن في الوقت المحدد. يجري التأكد مع المزود؛ لا تكرر البيع لهذه الدفعة.',
    },
  };
}
