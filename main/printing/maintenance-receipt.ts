// An engineering (maintenance) token -> receipt blocks: the same Receipt model as a sale, so it
// prints and previews through the same renderers. Its own layout: no money, no tariff, the action
// the token performs in both languages, the token in large Latin digits in groups of four, when it
// stops being valid, who issued it, and a plain line that this is not a credit purchase. Pure.
import { formatLocalDateTime } from './format';
import { L } from './labels';
import type { Bilingual, Block, Receipt, ReceiptLanguage } from './types';

export interface MaintenanceTicket {
  meterNumber: string;
  customerName: string | null;
  purpose: 'maintenance' | 'repair' | 'check';
  action: 'clear_tamper' | 'clear_credit' | 'set_power_limit';
  powerLimitW: number | null;
  /** 20 digits (IEC 62055-41 class 2). */
  code: string;
  tid: number;
  issuedAt: string;
  expiresAt: string;
  /** The supervisor who issued the token. */
  supervisor: string;
}

export interface MaintenancePrintContext { utilityName: Bilingual; counterName: string; language: ReceiptLanguage; timeZone: string }

export const M = {
  title: { ar: 'رمز هندسي', en: 'Engineering token' },
  purpose: { ar: 'الغرض', en: 'Purpose' },
  action: { ar: 'الإجراء', en: 'Action' },
  powerLimit: { ar: 'حد القدرة', en: 'Power limit' },
  issued: { ar: 'تاريخ الإصدار', en: 'Issued' },
  expires: { ar: 'صالح حتى', en: 'Valid until' },
  tid: { ar: 'رقم المعاملة (TID)', en: 'TID' },
  supervisor: { ar: 'المشرف', en: 'Supervisor' },
  enter: { ar: 'يُدخله الفني في لوحة مفاتيح العداد قبل انتهاء صلاحيته.', en: 'The technician enters it on the meter keypad before it expires.' },
  notCredit: { ar: 'هذا ليس شراء رصيد: لا يضيف كهرباء ولا مالاً إلى العداد.', en: 'This is not a credit purchase: it adds no electricity or money to the meter.' },
} satisfies Record<string, Bilingual>;

export const PURPOSE: Record<MaintenanceTicket['purpose'], Bilingual> = {
  maintenance: { ar: 'صيانة', en: 'Maintenance' },
  repair: { ar: 'إصلاح', en: 'Repair' },
  check: { ar: 'فحص', en: 'Check' },
};

export const ACTION: Record<MaintenanceTicket['action'], Bilingual> = {
  clear_tamper: { ar: 'مسح حالة العبث', en: 'Clear tamper' },
  clear_credit: { ar: 'مسح الرصيد', en: 'Clear credit' },
  set_power_limit: { ar: 'ضبط حد القدرة', en: 'Set power limit' },
};

export function buildMaintenanceReceipt(m: MaintenanceTicket, ctx: MaintenancePrintContext): Receipt {
  const lang = ctx.language;
  const blocks: Block[] = [];
  const kv = (label: Bilingual, value: string | Bilingual, bold = false) => void blocks.push({ kind: 'keyValue', label, value, bold });
  const say = (b: Bilingual, size: 1 | 2 = 1, bold = false) => {
    if (lang !== 'en') blocks.push({ kind: 'text', text: b.ar, align: 'center', size, bold, lang: 'ar' });
    if (lang !== 'ar') blocks.push({ kind: 'text', text: b.en, align: 'center', size, bold, lang: 'en' });
  };
  const when = (iso: string) => formatLocalDateTime(iso, ctx.timeZone);

  say(ctx.utilityName, 1, true);
  say(M.title, 2, true);
  blocks.push({ kind: 'rule' });
  kv(L.meter, m.meterNumber, true);
  if (m.customerName) kv(L.customer, m.customerName);
  kv(M.purpose, PURPOSE[m.purpose]);
  kv(M.action, ACTION[m.action], true);
  if (m.action === 'set_power_limit' && m.powerLimitW !== null) kv(M.powerLimit, `${m.powerLimitW} W`, true);
  blocks.push({ kind: 'rule' });
  blocks.push({ kind: 'token', digits: m.code });
  say(M.enter);
  kv(M.expires, when(m.expiresAt), true);
  blocks.push({ kind: 'rule' });
  kv(M.issued, when(m.issuedAt));
  kv(L.counter, ctx.counterName);
  kv(M.supervisor, m.supervisor);
  kv(M.tid, String(m.tid));
  blocks.push({ kind: 'rule' });
  say(M.notCredit, 1, true);
  blocks.push({ kind: 'feed', lines: 1 }, { kind: 'cut' });
  return { language: lang, saleId: `maintenance-${m.meterNumber}-${m.tid}`, receiptNo: m.tid, copy: false, blocks };
}
