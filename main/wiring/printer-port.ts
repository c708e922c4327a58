// Receipt printing for the sale flow: stored sale -> receipt model -> ESC/POS bytes -> printer.
import type { Sale } from '../../preload/contract';
import type { AppConfig } from '../config';
import { buildReceipt, renderEscPos, sendToPrinter } from '../printing';
import type { PrinterPort } from '../sales/ports';

export function createPrinterPort(config: AppConfig): PrinterPort {
  return {
    async print(sale: Sale, copy: boolean) {
      const iface = config.printer.iface;
      if (!iface) throw new Error('no receipt printer is configured at this counter');
      const receipt = buildReceipt(sale, {
        utilityName: config.utilityName,
        taxNumber: config.taxNumber,
        counterName: config.counterName,
        cashierName: sale.cashier,
        language: config.printer.language,
        currency: config.currency,
        currencyDecimals: config.currencyDecimals,
        timeZone: config.timeZone,
        footer: config.receiptFooter,
      }, { copy });
      const bytes = await renderEscPos(receipt, { widthMm: config.printer.widthMm, profile: config.printer.profile, openDrawer: !copy && sale.paymentMethod === 'cash' });
      await sendToPrinter(bytes, iface, config.printer.timeoutMs);
    },
  };
}
