// The reports as CSV for a spreadsheet: UTF-8 with a byte-order mark (without it Excel reads the
// Arabic as Latin-1), the header in the reader's language, money as decimals from minor units (sales
// by day: in the decimals the selling counters said; the rest: by the currency's ISO 4217 exponent), energy in kWh, times in the report's time zone. Rows are
// streamed from the ledger's cursor through csv-stringify, never gathered into one string.
import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import { formatMinor } from '../../main/common/money';
import { minorToDecimal } from '../../main/vendors/xmlvend/money';
import type { CounterOutstanding, Lang, OutstandingSale, SalesByDayRow, ZReportRow } from './wire';
import { BY_WORDS, FLAG_WORDS, MONEY_FLAG_WORDS, PRODUCT_WORDS, STATUS_WORDS } from './words';
import { decimalsOf } from './rows';

type Words = { ar: string; en: string };
type Cell = string | number | null;
export interface Column<R> { header: Words; cell: (row: R) => Cell }

/** Something only we write as a number (money, energy, a count) is left as it is. */
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return before
 * one) gets a leading apostrophe: a customer's or cashier's name must never become
 * =HYPERLINK(...). Our own numbers ("-0.50", a negative variance) are left numbers.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/** Minor units as a decimal in the currency; a code ISO 4217 does not know stays in minor units. */
export const money = (minor: number, currency: string): string => (decimalsOf(currency) === null ? String(minor) : minorToDecimal(minor, currency));
const kwh = (tenths: number) => formatMinor(tenths, 1);
/** A sales row's amounts are in the decimals its counters said (unknown: left in minor units). */
const rowMoney = (minor: number, r: SalesByDayRow): string => (r.currencyDecimals === null ? String(minor) : formatMinor(minor, r.currencyDecimals));

const localTimes = new Map<string, Intl.DateTimeFormat>();
/** An instant as the report's local wall time, "2026-03-01 23:30:00" (the header names the zone). */
export function localTime(isoInstant: string | null, timeZone: string): string {
  if (isoInstant === null) return '';
  let f = localTimes.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    localTimes.set(timeZone, f);
  }
  return f.format(new Date(isoInstant));
}

const w = (ar: string, en: string): Words => ({ ar, en });
const at = (what: Words, tz: string): Words => ({ ar: `${what.ar} (${tz})`, en: `${what.en} (${tz})` });

export function salesByDayColumns(by: keyof typeof BY_WORDS, lang: Lang): Column<SalesByDayRow>[] {
  return [
    { header: w('اليوم', 'Day'), cell: (r) => r.day },
    { header: BY_WORDS[by], cell: (r) => r.label[lang] },
    { header: w('المفتاح', 'Key'), cell: (r) => r.key },
    { header: w('العملة', 'Currency'), cell: (r) => r.currency },
    { header: w('الخانات العشرية', 'Decimals'), cell: (r) => r.currencyDecimals ?? (lang === 'ar' ? 'غير معروفة' : 'unknown') },
    { header: w('ملاحظات', 'Flags'), cell: (r) => r.flags.map((f) => MONEY_FLAG_WORDS[f][lang]).join('; ') },
    { header: w('عدد المبيعات الصادرة', 'Sold: count'), cell: (r) => r.sold.count },
    { header: w('المحصل من المبيعات الصادرة', 'Sold: charged'), cell: (r) => rowMoney(r.sold.chargedMinor, r) },
    { header: w('قيمة المبيعات الصادرة', 'Sold: value'), cell: (r) => rowMoney(r.sold.valueMinor, r) },
    { header: w('طاقة المبيعات الصادرة (ك.و.س)', 'Sold: energy (kWh)'), cell: (r) => kwh(r.sold.energyTenths) },
    { header: w('عدد المبيعات المفتوحة', 'Open: count'), cell: (r) => r.open.count },
    { header: w('المحصل من المبيعات المفتوحة', 'Open: charged'), cell: (r) => rowMoney(r.open.chargedMinor, r) },
    { header: w('قيمة المبيعات المفتوحة', 'Open: value'), cell: (r) => rowMoney(r.open.valueMinor, r) },
    { header: w('طاقة المبيعات المفتوحة (ك.و.س)', 'Open: energy (kWh)'), cell: (r) => kwh(r.open.energyTenths) },
    { header: w('عدد المبيعات المرفوضة', 'Refunded: count'), cell: (r) => r.refunded.count },
    { header: w('المبالغ المعادة', 'Refunded: charged'), cell: (r) => rowMoney(r.refunded.chargedMinor, r) },
  ];
}

export function zReportColumns(lang: Lang, tz: string): Column<ZReportRow>[] {
  const m = (f: (r: ZReportRow) => number) => (r: ZReportRow) => money(f(r), r.currency);
  return [
    { header: w('نقطة البيع', 'Counter'), cell: (r) => r.counterName },
    { header: w('رقم تقرير Z', 'Z No.'), cell: (r) => r.zNo },
    { header: w('الكاشير', 'Cashier'), cell: (r) => r.cashier },
    { header: at(w('فتح الوردية', 'Shift opened'), tz), cell: (r) => localTime(r.openedAt, tz) },
    { header: at(w('إغلاق الوردية', 'Shift closed'), tz), cell: (r) => localTime(r.closedAt, tz) },
    { header: w('العملة', 'Currency'), cell: (r) => r.currency },
    { header: w('النقد الافتتاحي', 'Float'), cell: m((r) => r.floatMinor) },
    { header: w('النقد المتوقع', 'Expected cash'), cell: m((r) => r.expectedCashMinor) },
    { header: w('النقد المعدود', 'Counted cash'), cell: m((r) => r.countedCashMinor) },
    { header: w('الفرق (المعدود - المتوقع)', 'Variance (counted - expected)'), cell: m((r) => r.varianceMinor) },
    { header: w('عدد المبيعات في التقرير', 'Report: sales'), cell: (r) => r.counter.salesCount },
    { header: w('المحصل في التقرير', 'Report: charged'), cell: m((r) => r.counter.chargedMinor) },
    { header: w('المبيعات النقدية في التقرير', 'Report: cash sales'), cell: m((r) => r.counter.cashSalesMinor) },
    { header: w('عدد المبيعات في السجل', 'Ledger: sales'), cell: (r) => r.ledger.salesCount },
    { header: w('المحصل في السجل', 'Ledger: charged'), cell: m((r) => r.ledger.chargedMinor) },
    { header: w('المبيعات النقدية في السجل', 'Ledger: cash sales'), cell: m((r) => r.ledger.cashSalesMinor) },
    { header: w('النقد المتوقع حسب السجل', 'Ledger: expected cash'), cell: m((r) => r.ledger.expectedCashMinor) },
    { header: w('فرق عدد المبيعات (التقرير - السجل)', 'Difference: sales (report - ledger)'), cell: (r) => r.difference.salesCount },
    { header: w('فرق المحصل', 'Difference: charged'), cell: m((r) => r.difference.chargedMinor) },
    { header: w('فرق النقد المتوقع', 'Difference: expected cash'), cell: m((r) => r.difference.expectedCashMinor) },
    { header: w('رُفضت بعد الإغلاق', 'Refused after close'), cell: (r) => r.ledger.refundedSinceClose.count },
    { header: w('إيصالات لم تصل', 'Receipts not received'), cell: (r) => r.missingReceiptNos.join(' ') },
    { header: w('ملاحظات', 'Flags'), cell: (r) => r.flags.map((f) => FLAG_WORDS[f][lang]).join('; ') },
  ];
}

export function outstandingColumns(lang: Lang, tz: string): Column<OutstandingSale>[] {
  return [
    { header: w('نقطة البيع', 'Counter'), cell: (r) => r.counterName },
    { header: w('رقم الإيصال', 'Receipt No.'), cell: (r) => r.receiptNo },
    { header: w('الحالة', 'Status'), cell: (r) => STATUS_WORDS[r.status][lang] },
    { header: w('المنتج', 'Product'), cell: (r) => PRODUCT_WORDS[r.product][lang] },
    { header: w('الكاشير', 'Cashier'), cell: (r) => r.cashier },
    { header: w('العداد', 'Meter'), cell: (r) => r.meterNumber },
    { header: w('العملة', 'Currency'), cell: (r) => r.currency },
    { header: w('المحصل', 'Charged'), cell: (r) => money(r.chargedMinor, r.currency) },
    { header: at(w('وقت البيع', 'Sold at'), tz), cell: (r) => localTime(r.soldAt, tz) },
    { header: w('العمر (ساعات)', 'Age (hours)'), cell: (r) => Math.floor(r.ageSeconds / 3600) },
    { header: at(w('آخر وصول', 'Last received'), tz), cell: (r) => localTime(r.lastReceivedAt, tz) },
    { header: w('رمز الخطأ', 'Error code'), cell: (r) => r.errorCode },
    { header: w('معرف البيع', 'Sale id'), cell: (r) => r.saleId },
  ];
}

export function counterColumns(lang: Lang, tz: string): Column<CounterOutstanding>[] {
  const yes = lang === 'ar' ? 'نعم' : 'yes';
  return [
    { header: w('نقطة البيع', 'Counter'), cell: (r) => r.name },
    { header: w('ملغاة', 'Revoked'), cell: (r) => (r.revoked ? yes : '') },
    { header: at(w('آخر اتصال', 'Last seen'), tz), cell: (r) => localTime(r.lastSeenAt, tz) },
    { header: w('معلقة حسب نقطة البيع', 'Pending (as the counter reported)'), cell: (r) => r.reported?.pendingSales ?? null },
    { header: w('غير معروفة حسب نقطة البيع', 'Unknown (as the counter reported)'), cell: (r) => r.reported?.unknownSales ?? null },
    { header: at(w('وقت البلاغ', 'Reported at'), tz), cell: (r) => localTime(r.reported?.at ?? null, tz) },
    { header: w('مفتوحة في السجل', 'Open in the ledger'), cell: (r) => r.ledger.openCount },
    { header: at(w('أقدم مفتوحة في السجل', 'Oldest open in the ledger'), tz), cell: (r) => localTime(r.ledger.oldestAt, tz) },
  ];
}

async function* records<R>(rows: AsyncIterable<R>, columns: Column<R>[], lang: Lang): AsyncGenerator<Cell[]> {
  yield columns.map((c) => c.header[lang]);
  for await (const row of rows) yield columns.map((c) => c.cell(row));
}

/** The CSV bytes of `rows`, streamed; a failure reading the ledger ends the stream with that error. */
export function csvStream<R>(rows: AsyncIterable<R>, columns: Column<R>[], lang: Lang): Readable {
  const out = stringify({ bom: true, record_delimiter: 'windows', cast: { string: neutralise } });
  pipeline(Readable.from(records(rows, columns, lang)), out, () => { /* an error reaches the reader through `out` */ });
  return out;
}
