// The page a supervisor prints from Settings > Printer. It exercises everything a real receipt
// needs from the printer — printer text, drawn Arabic joined right to left, large token digits,
// a QR code and the cut — so one glance at it tells whether receipts will come out right.
import type { Bilingual, Block, PaperWidthMm, PrinterProfile, Receipt, ReceiptLanguage } from './types';

export interface TestPageInfo {
  utilityName: Bilingual;
  language: ReceiptLanguage;
  iface: string;
  widthMm: PaperWidthMm;
  profile: PrinterProfile;
  counterName: string;
  /** Local date and time, already formatted. */
  at: string;
}

export function buildTestPage(i: TestPageInfo): Receipt {
  const lang = i.language;
  const blocks: Block[] = [];
  const say = (b: Bilingual, size: 1 | 2 = 1, bold = false): void => {
    if (lang !== 'en') blocks.push({ kind: 'text', text: b.ar, align: 'center', size, bold, lang: 'ar' });
    if (lang !== 'ar') blocks.push({ kind: 'text', text: b.en, align: 'center', size, bold, lang: 'en' });
  };
  say(i.utilityName, 1, true);
  say({ ar: 'صفحة اختبار الطابعة', en: 'PRINTER TEST' }, 2, true);
  blocks.push({ kind: 'rule' });
  blocks.push({ kind: 'keyValue', label: { ar: 'نقطة البيع', en: 'Counter' }, value: i.counterName });
  blocks.push({ kind: 'keyValue', label: { ar: 'الطابعة', en: 'Printer' }, value: i.iface });
  blocks.push({ kind: 'keyValue', label: { ar: 'عرض الورق', en: 'Paper' }, value: `${i.widthMm} mm, ${i.profile.toUpperCase()}` });
  blocks.push({ kind: 'keyValue', label: { ar: 'التاريخ والوقت', en: 'Date/time' }, value: i.at });
  blocks.push({ kind: 'rule' });
  say({ ar: 'إذا ظهرت هذه الجملة متصلة الحروف ومن اليمين إلى اليسار فالطباعة العربية سليمة.', en: 'If this page is sharp and complete, receipts will print correctly.' });
  blocks.push({ kind: 'token', digits: '12345678901234567890' });
  blocks.push({ kind: 'qr', data: `shahn-test|${i.counterName}|${i.at}` });
  blocks.push({ kind: 'feed', lines: 1 }, { kind: 'cut' });
  return { language: lang, saleId: 'test-page', receiptNo: 0, copy: false, blocks };
}
