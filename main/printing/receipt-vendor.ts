// The part of a receipt that a vending server with its own breakdown (XMLVend) decided: its receipt
// number, its tariff, its transactions, and every token in the order the customer enters them.
// Pure, like receipt-model.ts, which calls it.
import type { VendorReceipt, VendorTokenKind } from '../../preload/contract';
import { formatEnergy } from './format';
import type { Bilingual, Block } from './types';

export const VENDOR_L = {
  serverReceiptNo: { ar: 'رقم إيصال الخادم', en: 'Server receipt No.' },
  serverTariff: { ar: 'تعرفة الخادم', en: 'Server tariff' },
  tokensInOrder: { ar: 'أدخل الرموز في العداد بهذا الترتيب', en: 'Enter the tokens on the meter in this order' },
} satisfies Record<string, Bilingual>;

export const TOKEN_KIND: Record<VendorTokenKind, Bilingual> = {
  kct1: { ar: 'رمز تغيير المفتاح الأول', en: 'KEY CHANGE TOKEN 1' },
  kct2: { ar: 'رمز تغيير المفتاح الثاني', en: 'KEY CHANGE TOKEN 2' },
  credit: { ar: 'رمز الشحن', en: 'STS TOKEN' },
  fbe: { ar: 'رمز الكهرباء الأساسية المجانية', en: 'FREE BASIC ELECTRICITY TOKEN' },
  engineering: { ar: 'رمز هندسي', en: 'ENGINEERING TOKEN' },
};

/** A server transaction's name by its XMLVend type; an unknown type is shown as the server named it. */
const LINE: Record<string, Bilingual> = {
  CreditVendTx: { ar: 'قيمة الطاقة', en: 'Energy value' },
  ServiceChrgTx: { ar: 'رسوم خدمة', en: 'Service charge' },
  DebtRecoveryTx: { ar: 'تحصيل دين', en: 'Debt recovery' },
  PayAccTx: { ar: 'سداد حساب', en: 'Account payment' },
  VAT: { ar: 'ضريبة القيمة المضافة', en: 'VAT' },
  Tax: { ar: 'ضريبة', en: 'Tax' },
};

/** A credit vend of no money is the free basic electricity the server gave with the sale. */
const FREE = { ar: 'كهرباء أساسية مجانية', en: 'Free basic electricity' };

export function lineLabel(l: VendorReceipt['lines'][number]): Bilingual {
  const known = l.type === 'CreditVendTx' && l.minor === 0 ? FREE : (LINE[l.type] ?? { ar: l.type, en: l.type });
  // A service charge names what it is for (Conlog sends VAT as a service charge named "VAT").
  return l.desc ? { ar: `${known.ar}: ${l.desc}`, en: `${known.en}: ${l.desc}` } : known;
}

const AR_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const arabicNumber = (n: number) => String(n).replace(/\d/g, (d) => AR_DIGITS[Number(d)]!);

/** "1) KEY CHANGE TOKEN 1", numbered in entry order, with the energy a credit token carries. */
export function tokenLabel(kind: VendorTokenKind, n: number, energyTenths: number | null): Bilingual {
  const energy = energyTenths !== null && energyTenths > 0 && kind !== 'kct1' && kind !== 'kct2' ? ` · ${formatEnergy(energyTenths)} kWh` : '';
  return { ar: `${arabicNumber(n)}) ${TOKEN_KIND[kind].ar}${energy}`, en: `${n}) ${TOKEN_KIND[kind].en}${energy}` };
}

type Say = (b: Bilingual, align?: 'left' | 'center' | 'right', bold?: boolean) => void;
type Kv = (label: Bilingual, value: string | Bilingual, bold?: boolean) => void;

/** The server's breakdown: receipt number, tariff, and each transaction with its amount. */
export function vendorBreakdown(v: VendorReceipt, kv: Kv, money: (minor: number) => string): void {
  kv(VENDOR_L.serverReceiptNo, v.receiptNo, true);
  if (v.tariffName) kv(VENDOR_L.serverTariff, v.tariffName);
  for (const l of v.lines) kv(lineLabel(l), money(l.minor));
}

/** Every token, numbered in the order the meter must take them. */
export function vendorTokens(v: VendorReceipt, blocks: Block[], say: Say): void {
  if (v.tokens.length > 1) say(VENDOR_L.tokensInOrder, 'center', true);
  v.tokens.forEach((t, i) => {
    say(tokenLabel(t.kind, i + 1, t.energyTenths), 'center', true);
    blocks.push({ kind: 'token', digits: t.digits });
  });
}
