// The reports' words in Arabic and English: what a group, a status or a flag is called in a CSV
// file and on the console.
import type { Product, SaleStatus } from '../../preload/contract/sales';
import type { MoneyFlag, ZFlag } from './wire';

type Words = { ar: string; en: string };

export const PRODUCT_WORDS: Record<Product, Words> = {
  sts_kwh: { ar: 'رموز كهرباء (STS)', en: 'Electricity tokens (STS)' },
  acrel_credit: { ar: 'رصيد عداد سحابي', en: 'Cloud meter credit' },
  settlement: { ar: 'سداد حساب', en: 'Account payment' },
};

export const STATUS_WORDS: Record<SaleStatus, Words> = {
  paid: { ar: 'مدفوع، قيد الإصدار', en: 'Paid, being issued' },
  issued: { ar: 'صادر', en: 'Issued' },
  pending: { ar: 'معلق', en: 'Pending' },
  unknown: { ar: 'نتيجة غير معروفة', en: 'Outcome unknown' },
  failed: { ar: 'مرفوض، أعيد المبلغ', en: 'Refused, refunded' },
};

export const NO_PERIOD_WORDS: Words = { ar: 'بلا فترة تعرفة (سداد حساب)', en: 'No tariff period (account payment)' };
export const SERVER_TARIFF_WORDS: Words = { ar: 'تعرفة خادم البيع', en: 'Vending server tariff' };

export const FLAG_WORDS: Record<ZFlag, Words> = {
  CASH_SHORT: { ar: 'عجز في النقد', en: 'Cash short' },
  CASH_OVER: { ar: 'زيادة في النقد', en: 'Cash over' },
  SALES_MISSING: { ar: 'مبيعات لم تصل إلى السجل', en: 'Sales missing from the ledger' },
  SALES_EXTRA: { ar: 'مبيعات في السجل لم يحسبها التقرير', en: 'Ledger sales the report did not count' },
  CHARGED_MISMATCH: { ar: 'المبلغ المحصل لا يطابق السجل', en: 'Charged total differs from the ledger' },
  EXPECTED_CASH_MISMATCH: { ar: 'النقد المتوقع لا يطابق السجل', en: 'Expected cash differs from the ledger' },
  REFUNDED_SINCE_CLOSE: { ar: 'مبيعات رُفضت بعد الإغلاق', en: 'Sales refused after the close' },
  OTHER_CURRENCY: { ar: 'مبيعات بعملة أخرى', en: 'Sales in another currency' },
  DECIMALS_DIFFER: { ar: 'خانات العملة في نقطة البيع تخالف ISO 4217', en: "The counter's currency decimals differ from ISO 4217" },
};

export const MONEY_FLAG_WORDS: Record<MoneyFlag, Words> = {
  DECIMALS_UNKNOWN: { ar: 'خانات العملة غير معروفة (نقطة بيع لم تبلغ بها): المبالغ بأصغر وحدة', en: 'Currency decimals unknown (a counter that never said them): amounts in minor units' },
  DECIMALS_NOT_ISO: { ar: 'خانات العملة في نقطة البيع تخالف ISO 4217', en: "The counters' currency decimals differ from ISO 4217" },
  DECIMALS_NOT_HEAD_OFFICE: { ar: 'خانات العملة في نقطة البيع تخالف خانات المكتب الرئيسي', en: "The counters' currency decimals differ from the head office's" },
};

export const BY_WORDS: Record<'counter' | 'cashier' | 'product' | 'period', Words> = {
  counter: { ar: 'نقطة البيع', en: 'Counter' },
  cashier: { ar: 'الكاشير', en: 'Cashier' },
  product: { ar: 'المنتج', en: 'Product' },
  period: { ar: 'فترة التعرفة', en: 'Tariff period' },
};
