// Receipt printing for the sale flow: stored sale -> receipt model -> ESC/POS bytes -> printer.
// The settings are read from the database on every call (settings.ts), so what a supervisor
// saves applies to the next receipt. Preview and print share receiptFor(): the screen shows the
// bitmap the printer gets.
import type { ReadDb } from '../../db/open';
import type { PrinterSettings, Sale } from '../../preload/contract';
import type { AppConfig } from '../app/config';
import { buildReceipt, PrinterError, renderEscPos, renderPreview, sendToPrinter, type Preview, type Receipt } from './';
import { toPng } from './bitmap';
import { formatLocalDateTime } from './format';
import { buildTestPage } from './test-page';
import { loadPrinterSettings } from './settings';

export interface ReceiptPreview { png: Buffer; preview: Preview; widthMm: 58 | 80 }

/** The receipt printer: what the sale flow's PrinterPort asks for, and what the screens need. */
export interface ReceiptPrinter {
  /** reprintedBy: who asked for a copy (named on it); the original always names the seller. */
  print(sale: Sale, copy: boolean, reprintedBy?: string | null): Promise<void>;
  preview(sale: Sale, copy: boolean, reprintedBy?: string | null): ReceiptPreview;
  testPage(settings: PrinterSettings, now: Date): Promise<void>;
  settings(): PrinterSettings;
}

export function createPrinterPort(config: AppConfig, db: ReadDb): ReceiptPrinter {
  const settings = () => loadPrinterSettings(db, config).settings;
  const receiptFor = (s: PrinterSettings, sale: Sale, copy: boolean, reprintedBy?: string | null): Receipt =>
    buildReceipt(sale, {
      utilityName: s.utilityName,
      taxNumber: s.taxNumber,
      address: s.address ?? null,
      counterName: config.counterName,
      cashierName: copy && reprintedBy ? reprintedBy : sale.cashier,
      language: s.language,
      currency: config.currency,
      currencyDecimals: config.currencyDecimals,
      timeZone: config.timeZone,
      footer: s.footer,
    }, { copy });
  const send = async (s: PrinterSettings, receipt: Receipt, openDrawer: boolean): Promise<void> => {
    if (!s.iface) throw new PrinterError('NOT_CONFIGURED', 'no receipt printer is configured at this counter', '');
    const bytes = await renderEscPos(receipt, { widthMm: s.widthMm, profile: s.profile, openDrawer });
    // DLE EOT is ESC/POS; Star line mode has no such answer, so only Epson-type printers are asked.
    await sendToPrinter(bytes, s.iface, config.printer.timeoutMs, { checkPaper: s.profile === 'epson' });
  };
  return {
    settings,
    async print(sale, copy, reprintedBy) {
      const s = settings();
      // The drawer opens for the cash of a new sale, never for a reprint.
      await send(s, receiptFor(s, sale, copy, reprintedBy), s.cashDrawer && !copy && sale.paymentMethod === 'cash');
    },
    preview(sale, copy, reprintedBy) {
      const s = settings();
      const preview = renderPreview(receiptFor(s, sale, copy, reprintedBy), s.widthMm);
      return { png: toPng(preview.bitmap), preview, widthMm: s.widthMm };
    },
    async testPage(s, now) {
      const page = buildTestPage({
        utilityName: s.utilityName, language: s.language, iface: s.iface ?? '-', widthMm: s.widthMm, profile: s.profile,
        counterName: config.counterName, at: formatLocalDateTime(now.toISOString(), config.timeZone),
      });
      await send(s, page, false);
    },
  };
}
