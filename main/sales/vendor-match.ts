// A vendor's token is believed only when it is the token of THIS sale. An
// answer (to the charge, or to the lookup that resolves an unknown) naming another meter, another
// energy or another amount is not issued: the sale stays unknown with the reason in both
// languages, and its verification is set aside for a supervisor (deliveries.ts).
import type { Bilingual, Quote } from '../../preload/contract';
import { formatMinor } from '../common/money';
import { formatEnergy } from '../printing/format';
import type { StsCharge } from './ports';

const ltr = (s: string) => `\u2066${s}\u2069`;

/** null when the answer matches the sale; otherwise what differs, in both languages. */
export function chargeMismatch(quote: Pick<Quote, 'meterNumber' | 'energyTenths' | 'valueMinor' | 'currency'>, v: Pick<StsCharge, 'meterNumber' | 'energyTenths' | 'amountMinor'>, currencyDecimals: number): Bilingual | null {
  const en: string[] = [];
  const ar: string[] = [];
  if (v.meterNumber.replace(/[\s-]/g, '') !== quote.meterNumber) {
    en.push(`meter ${v.meterNumber} instead of ${quote.meterNumber}`);
    ar.push(`العداد ${ltr(v.meterNumber)} بدلاً من ${ltr(quote.meterNumber)}`);
  }
  if (v.energyTenths !== (quote.energyTenths ?? 0)) {
    en.push(`${formatEnergy(v.energyTenths)} kWh instead of ${formatEnergy(quote.energyTenths ?? 0)} kWh`);
    ar.push(`${ltr(formatEnergy(v.energyTenths))} ك.و.س بدلاً من ${ltr(formatEnergy(quote.energyTenths ?? 0))} ك.و.س`);
  }
  if (v.amountMinor !== quote.valueMinor) {
    const m = (n: number) => `${formatMinor(n, currencyDecimals)} ${quote.currency}`;
    en.push(`amount ${m(v.amountMinor)} instead of ${m(quote.valueMinor)}`);
    ar.push(`المبلغ ${ltr(m(v.amountMinor))} بدلاً من ${ltr(m(quote.valueMinor))}`);
  }
  if (en.length === 0) return null;
  return {
    en: `The vendor's answer does not match this sale (${en.join('; ')}). Its token is not given out: a supervisor must check this sale with the vendor.`,
    ar: `رد المزود لا يطابق هذه العملية (${ar.join('؛ ')}). لن يُسلَّم رمزه: على المشرف التحقق من هذه العملية مع المزود.`,
  };
}
