// The printing module's public face. Typical use from sales/:
//   const bytes = await renderEscPos(buildReceipt(sale, ctx, { copy }), { widthMm, profile });
//   await sendToPrinter(bytes, iface, timeoutMs); // PrinterError on failure; the sale is untouched
export { buildReceipt } from './receipt-model';
export { renderEscPos } from './escpos';
export { sendToPrinter } from './transport';
export { renderPreview, type Preview, type PreviewRegion } from './preview';
export { PrinterError, printerErrorMessage, type PrinterErrorCode } from './errors';
export type { Bitmap } from './bitmap';
export type * from './types';
