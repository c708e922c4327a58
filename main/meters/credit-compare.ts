// Where the counter's record of a meter's account and its cloud's record differ. Pure. Money
// figures are compared only where both sides hold money (the ADL200); an STS cloud holds energy.
import type { Bilingual, CloudCredit, CreditInfo } from '../../preload/contract';

const MODE = { prepaid: { en: 'prepaid', ar: 'دفع مسبق' }, postpaid: { en: 'postpaid', ar: 'دفع آجل' }, credit: { en: 'credit', ar: 'ائتمان' } } as const;

/** `money` formats integer minor units for people (e.g. 300000 -> "3,000.00 YER"). */
export function creditDisagreements(local: Pick<CreditInfo, 'kind' | 'paymentMode' | 'creditLimitMinor' | 'debtMinor'>, cloud: CloudCredit, money: (minor: number) => string): Bilingual[] {
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
        en: `Credit limit: the counter has ${money(local.creditLimitMinor ?? 0)}, the cloud has ${money(cloud.creditLimitMinor ?? 0)}.`,
        ar: `حد الائتمان: لدى نقطة البيع ${money(local.creditLimitMinor ?? 0)}، ولدى المنصة ${money(cloud.creditLimitMinor ?? 0)}.`,
      });
    }
    if (cloud.usedCreditMinor !== null && local.debtMinor !== cloud.usedCreditMinor) {
      out.push({
        en: `Credit in use: the counter records a debt of ${money(local.debtMinor)}, the cloud ${money(cloud.usedCreditMinor)}.`,
        ar: `الائتمان المستخدم: تسجل نقطة البيع ديناً قدره ${money(local.debtMinor)}، والمنصة ${money(cloud.usedCreditMinor)}.`,
      });
    }
  }
  return out;
}
