// Where the counter's record of a meter's account and its cloud's record differ. Pure. Money
// figures are compared only where both sides hold money (the ADL200); an STS cloud holds energy.
import type { Bilingual, CloudCredit, CreditInfo } from '../../preload/contract';

const MODE = { prepaid: { en: 'prepaid', ar: 'دفع مسبق' }, postpaid: { en: 'postpaid', ar: 'دفع آجل' }, credit: { en: 'credit', ar: 'ائتمان' } } as const;

export function creditDisagreements(local: Pick<CreditInfo, 'kind' | 'paymentMode' | 'creditLimitMinor' | 'debtMinor'>, cloud: CloudCredit): Bilingual[] {
  const out: Bilingual[] = [];
  if (local.paymentMode !== cloud.mode) {
    out.push({
      en: `Payment mode: the counter has ${MODE[local.paymentMode].en}, the cloud has ${MODE[cloud.mode].en}.`,
      ar: `وضع الدفع: لدى نقطة البيع ${MODE[local.paymentMode].ar}، ولدى المنصة ${MODE[cloud.mode].ar}.`,
    });
  }
  if (local.kind === 'acrel' && local.paymentMode === 'credit' && cloud.mode === 'credit') {
    if (local.creditLimitMinor !== cloud.creditLimitMinor) {
      out.push({
        en: `Credit limit: the counter has ${local.creditLimitMinor ?? 0}, the cloud has ${cloud.creditLimitMinor ?? 0}.`,
        ar: `حد الائتمان: لدى نقطة البيع ${local.creditLimitMinor ?? 0}، ولدى المنصة ${cloud.creditLimitMinor ?? 0}.`,
      });
    }
    if (cloud.usedCreditMinor !== null && local.debtMinor !== cloud.usedCreditMinor) {
      out.push({
        en: `Credit in use: the counter records a debt of ${local.debtMinor}, the cloud ${cloud.usedCreditMinor}.`,
        ar: `الائتمان المستخدم: تسجل نقطة البيع ديناً قدره ${local.debtMinor}، والمنصة ${cloud.usedCreditMinor}.`,
      });
    }
  }
  return out;
}
