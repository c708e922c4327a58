// A receipt is plain data: the model (receipt-model.ts) decides WHAT is printed, the renderers
// (escpos.ts, preview.ts) decide HOW. Nothing here knows about paper width or printer dialects,
// so one stored sale always yields the same Receipt whatever printer it is sent to.
import type { Bilingual } from '../../preload/contract';

export type { Bilingual };

export type ReceiptLanguage = 'ar' | 'en' | 'both';

export interface ReceiptContext {
  utilityName: Bilingual;
  taxNumber: string | null;
  /** The company's address under its name; absent or null: none printed. */
  address?: Bilingual | null;
  counterName: string;
  cashierName: string;
  language: ReceiptLanguage;
  /** Shown after amounts, e.g. "SAR" or "YER" (may be Arabic, e.g. "ر.س"). */
  currency: string;
  /** Minor units per major unit as a power of ten: 2 for halala/fils, 0 for rial-only. */
  currencyDecimals: number;
  /** IANA zone of the counter: receipts show the local time the customer saw at the counter. */
  timeZone: string;
  footer: Bilingual | null;
}

export type Align = 'left' | 'center' | 'right';

/** One paragraph of one language; the renderer wraps it to the paper width. */
export interface TextBlock {
  kind: 'text';
  text: string;
  align: Align;
  /** 1 = normal, 2 = double width and height (ESC/POS GS ! 0x11). */
  size: 1 | 2;
  bold: boolean;
  lang: 'ar' | 'en';
}

/** A labelled value; the renderer lays out the label in the receipt's language(s). */
export interface KeyValueBlock {
  kind: 'keyValue';
  label: Bilingual;
  /** Numbers and codes are a plain string; wording that must be translated is Bilingual. */
  value: string | Bilingual;
  bold?: boolean;
}

/** The 20-digit STS token: printed as large Latin digits in five groups of four. */
export interface TokenBlock {
  kind: 'token';
  digits: string;
}

export interface QrBlock {
  kind: 'qr';
  data: string;
}

export interface RuleBlock {
  kind: 'rule';
}

export interface FeedBlock {
  kind: 'feed';
  lines: number;
}

export interface CutBlock {
  kind: 'cut';
}

export type Block = TextBlock | KeyValueBlock | TokenBlock | QrBlock | RuleBlock | FeedBlock | CutBlock;

export interface Receipt {
  language: ReceiptLanguage;
  /** Sale id and receipt number travel with the receipt so logs and errors can name them. */
  saleId: string;
  receiptNo: number;
  copy: boolean;
  blocks: Block[];
}

export type PaperWidthMm = 58 | 80;
export type PrinterProfile = 'epson' | 'star';

export interface EscPosOptions {
  widthMm: PaperWidthMm;
  profile: PrinterProfile;
  /** Pulse the cash drawer after the cut (only for sales paid in cash, and never on reprints). */
  openDrawer?: boolean;
}
