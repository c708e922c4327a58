// Z report -> receipt blocks (the same Receipt model as a sale, so it prints and previews through
// the same renderers). Pure: the same stored report always gives the same paper.
import type { ZReport } from '../../preload/contract';
import { formatEnergy, formatLocalDateTime, formatMoney } from './format';
import { COPY_MARK, PAYMENT, PRODUCT } from './labels';
import type { Bilingual, Block, Receipt, ReceiptLanguage } from './types';

export interface ZPrintContext { utilityName: Bilingual; language: ReceiptLanguage; timeZone: string }

const Z = {
  title: { ar: 'تقرير Z - إغلاق الوردية', en: 'Z REPORT - SHIFT CLOSE' },
  zNo: { ar: 'رقم التقرير', en: 'Z No.' },
  counter: { ar: 'نقطة البيع', en: 'Counter' },
  cashier: { ar: 'الكاشير', en: 'Cashier' },
  opened: { ar: 'فتح الوردية', en: 'Opened' },
  closed: { ar: 'إغلاق الوردية', en: 'Closed' },
  closedBy: { ar: 'أغلقها', en: 'Closed by' },
  sales: { ar: 'عدد العمليات', en: 'Sales' },
  total: { ar: 'إجمالي المبيعات', en: 'Total sales' },
  tokens: { ar: 'رموز الشحن الصادرة', en: 'Tokens issued' },
  energy: { ar: 'الطاقة المباعة', en: 'Energy sold' },
  credit: { ar: 'الرصيد المباع', en: 'Credit sold' },
  float: { ar: 'النقد الافتتاحي', en: 'Cash float' },
  cashSales: { ar: 'مبيعات نقدية', en: 'Cash sales' },
  expected: { ar: 'النقد المتوقع', en: 'Expected cash' },
  counted: { ar: 'النقد المعدود', en: 'Counted cash' },
  variance: { ar: 'الفرق', en: 'Variance' },
  open: { ar: 'عمليات معلقة أو غير مؤكدة', en: 'Pending / unknown sales' },
  failed: { ar: 'عمليات مرفوضة (أعيد المبلغ)', en: 'Refused sales (money returned)' },
  note: { ar: 'ملاحظة', en: 'Note' },
  byPayment: { ar: 'حسب طريقة الدفع', en: 'By payment method' },
  byPeriod: { ar: 'حسب فترة التعرفة', en: 'By tariff period' },
  byProduct: { ar: 'حسب المنتج', en: 'By product' },
  deductions: { ar: 'الاستقطاعات', en: 'Deductions' },
} satisfies Record<string, Bilingual>;
const DEDUCTION: Record<'vat' | 'fee' | 'debt', Bilingual> = {
  vat: { ar: 'ضريبة القيمة المضافة', en: 'VAT' }, fee: { ar: 'رسوم', en: 'Fees' }, debt: { ar: 'استرداد دين', en: 'Debt recovered' },
};

export function buildZReport(z: ZReport, ctx: ZPrintContext, opts: { copy: boolean }): Receipt {
  const lang = ctx.language;
  const blocks: Block[] = [];
  const money = (minor: number) => `${formatMoney(minor, z.currencyDecimals)} ${z.currency}`;
  const kv = (label: Bilingual, value: string | Bilingual, bold = false) => void blocks.push({ kind: 'keyValue', label, value, bold });
  const say = (b: Bilingual, size: 1 | 2 = 1, bold = true) => {
    if (lang !== 'en') blocks.push({ kind: 'text', text: b.ar, align: 'center', size, bold, lang: 'ar' });
    if (lang !== 'ar') blocks.push({ kind: 'text', text: b.en, align: 'center', size, bold, lang: 'en' });
  };
  const rule = () => void blocks.push({ kind: 'rule' });
  const when = (iso: string | null) => (iso ? formatLocalDateTime(iso, ctx.timeZone) : '-');
  const t = z.totals;

  say(ctx.utilityName);
  say(Z.title, 1);
  if (opts.copy) blocks.push({ kind: 'text', text: COPY_MARK, align: 'center', size: 2, bold: true, lang: 'ar' });
  rule();
  kv(Z.zNo, String(z.zNo), true);
  kv(Z.counter, z.counter);
  kv(Z.cashier, z.shift.cashier);
  kv(Z.opened, when(z.shift.openedAt));
  kv(Z.closed, when(z.closedAt));
  kv(Z.closedBy, z.closedBy.displayName);
  rule();
  kv(Z.sales, String(t.salesCount));
  kv(Z.total, money(t.chargedMinor), true);
  kv(Z.tokens, String(t.tokensIssued));
  kv(Z.energy, `${formatEnergy(t.energyTenths)} kWh`);
  kv(Z.credit, money(t.creditMinor));
  rule();
  say(Z.byProduct, 1, false);
  for (const p of t.byProduct) kv(PRODUCT[p.product], `${p.count} × ${money(p.chargedMinor)}`);
  say(Z.byPayment, 1, false);
  for (const p of t.byPaymentMethod) kv(PAYMENT[p.method], `${p.count} × ${money(p.chargedMinor)}`);
  say(Z.byPeriod, 1, false);
  for (const p of t.byTariffPeriod) kv({ ar: `${p.scheduleCode} ${p.periodName.ar}`, en: `${p.scheduleCode} ${p.periodName.en}` }, `${formatEnergy(p.energyTenths)} kWh, ${money(p.chargedMinor)}`);
  if (t.byDeduction.length) say(Z.deductions, 1, false);
  for (const d of t.byDeduction) kv(DEDUCTION[d.kind], money(d.amountMinor));
  rule();
  kv(Z.float, money(t.cash.floatMinor));
  kv(Z.cashSales, money(t.cash.salesMinor));
  kv(Z.expected, money(z.expectedCashMinor), true);
  kv(Z.counted, money(z.countedCashMinor), true);
  kv(Z.variance, money(z.varianceMinor), true);
  if (z.note) kv(Z.note, z.note);
  for (const [label, list] of [[Z.open, t.open], [Z.failed, t.failed]] as const) {
    if (!list.length) continue;
    rule();
    say(label, 1, false);
    for (const s of list) kv({ ar: `#${s.receiptNo} ${s.meterNumber}`, en: `#${s.receiptNo} ${s.meterNumber}` }, `${s.status} ${money(s.chargedMinor)}`);
  }
  blocks.push({ kind: 'qr', data: `Z|${z.zNo}|${z.hash}` });
  blocks.push({ kind: 'feed', lines: 1 }, { kind: 'cut' });
  return { language: lang, saleId: `z-${z.zNo}`, receiptNo: z.zNo, copy: opts.copy, blocks };
}
