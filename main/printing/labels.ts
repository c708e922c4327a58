// Every fixed wording on a receipt, in both languages, in one place so a translator (or a
// utility's legal department) can review the full text of a receipt without reading code.
import type { Bilingual } from './types';

export const L = {
  taxNumber: { ar: 'الرقم الضريبي', en: 'Tax No.' },
  counter: { ar: 'نقطة البيع', en: 'Counter' },
  receiptNo: { ar: 'رقم الإيصال', en: 'Receipt No.' },
  dateTime: { ar: 'التاريخ والوقت', en: 'Date/time' },
  cashier: { ar: 'الكاشير', en: 'Cashier' },
  reprintedBy: { ar: 'أعاد الطباعة', en: 'Reprinted by' },
  meter: { ar: 'رقم العداد', en: 'Meter No.' },
  customer: { ar: 'المشترك', en: 'Customer' },
  product: { ar: 'المنتج', en: 'Product' },
  tariff: { ar: 'التعرفة', en: 'Tariff' },
  period: { ar: 'الفترة', en: 'Period' },
  price: { ar: 'سعر الكيلوواط ساعة', en: 'Price per kWh' },
  amount: { ar: 'المبلغ', en: 'Amount' },
  energy: { ar: 'الطاقة', en: 'Energy' },
  energyValue: { ar: 'قيمة الطاقة', en: 'Energy value' },
  credit: { ar: 'الرصيد', en: 'Credit' },
  estimatedEnergy: { ar: 'الطاقة التقديرية', en: 'Est. energy' },
  charged: { ar: 'الإجمالي', en: 'Total' },
  tendered: { ar: 'المدفوع', en: 'Tendered' },
  change: { ar: 'الباقي', en: 'Change' },
  payment: { ar: 'طريقة الدفع', en: 'Payment' },
  reference: { ar: 'المرجع', en: 'Reference' },
  vendorRef: { ar: 'مرجع المورد', en: 'Vendor ref.' },
  token: { ar: 'رمز الشحن', en: 'STS TOKEN' },
  keyChange1: { ar: '١) رمز تغيير المفتاح الأول', en: '1) KEY CHANGE TOKEN 1' },
  keyChange2: { ar: '٢) رمز تغيير المفتاح الثاني', en: '2) KEY CHANGE TOKEN 2' },
  creditAfterKeyChange: { ar: '٣) رمز الشحن', en: '3) STS TOKEN' },
  debtBefore: { ar: 'الدين قبل السداد', en: 'Debt before' },
  paid: { ar: 'المسدد', en: 'Paid' },
  debtAfter: { ar: 'الدين بعد السداد', en: 'Debt after' },
} satisfies Record<string, Bilingual>;

export const PRODUCT: Record<'sts_kwh' | 'acrel_credit' | 'settlement', Bilingual> = {
  sts_kwh: { ar: 'كهرباء مسبقة الدفع (STS)', en: 'Prepaid electricity (STS)' },
  acrel_credit: { ar: 'رصيد عداد ذكي', en: 'Smart meter credit' },
  settlement: { ar: 'سداد حساب', en: 'Account payment' },
};

export const PAYMENT: Record<'cash' | 'card' | 'transfer', Bilingual> = {
  cash: { ar: 'نقداً', en: 'Cash' },
  card: { ar: 'بطاقة', en: 'Card' },
  transfer: { ar: 'تحويل', en: 'Transfer' },
};

/** The reprint mark is printed in both languages whatever the receipt language. */
export const COPY_MARK = 'COPY / نسخة';

export const STATEMENT = {
  tokenEntry: {
    ar: 'أدخل الرمز في لوحة مفاتيح العداد',
    en: 'Enter the token on the meter keypad',
  },
  keyChangeOrder: {
    ar: 'تغيّر مفتاح العداد: أدخل الرموز الثلاثة بهذا الترتيب',
    en: 'The meter key changed: enter the three tokens in this order',
  },
  localToken: {
    ar: 'صدر الرمز محلياً أثناء انقطاع الاتصال',
    en: 'Token generated locally while offline',
  },
  creditSent: {
    ar: 'تم إرسال الرصيد إلى العداد',
    en: 'The credit has been sent to the meter',
  },
  pendingCredit: {
    ar: 'تم استلام المبلغ. سيُضاف الرصيد إلى العداد عند عودة الاتصال. احتفظ بهذا الإيصال.',
    en: 'Payment received. The credit will be applied to the meter when the connection returns. Keep this receipt.',
  },
  pendingToken: {
    ar: 'تم استلام المبلغ. لم يصدر رمز الشحن بعد؛ سيصدر عند عودة الاتصال. احتفظ بهذا الإيصال.',
    en: 'Payment received. No token has been issued yet; it will be issued when the connection returns. Keep this receipt.',
  },
  unknown: {
    ar: 'جارٍ تأكيد نتيجة العملية مع المورد. لا تكرر الشراء. احتفظ بهذا الإيصال.',
    en: 'The outcome is being confirmed with the vendor. Do not buy again. Keep this receipt.',
  },
  failedToken: {
    ar: 'لم يصدر رمز شحن لهذه العملية.',
    en: 'No token was issued for this sale.',
  },
  settled: {
    ar: 'تم سداد المبلغ في حساب العداد. لا يوجد رمز شحن لهذه العملية.',
    en: 'The payment has been applied to the meter account. There is no token for this payment.',
  },
  failedCredit: {
    ar: 'لم يُرسل أي رصيد إلى العداد في هذه العملية.',
    en: 'No credit was sent to the meter for this sale.',
  },
} satisfies Record<string, Bilingual>;
