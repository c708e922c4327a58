// Printer failures as a small closed set the sale flow can act on: OFFLINE (nothing listening,
// device absent) means "check the cable/power and reprint", TIMEOUT means the bytes may or may
// not have printed (look at the paper before reprinting), IO is anything else mid-write,
// UNSUPPORTED is a configuration this build cannot drive, PAPER_OUT the printer said so when asked
// (nothing was sent), NOT_CONFIGURED there is no printer address at this counter.
import type { Bilingual } from './types';

export type PrinterErrorCode = 'OFFLINE' | 'TIMEOUT' | 'IO' | 'UNSUPPORTED' | 'PAPER_OUT' | 'NOT_CONFIGURED';

export const PRINTER_ERROR_CODES: readonly PrinterErrorCode[] = ['OFFLINE', 'TIMEOUT', 'IO', 'UNSUPPORTED', 'PAPER_OUT', 'NOT_CONFIGURED'];

export class PrinterError extends Error {
  override readonly name = 'PrinterError';
  constructor(
    readonly code: PrinterErrorCode,
    message: string,
    readonly iface: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What the cashier sees (sales.print returns a Bilingual error). */
export function printerErrorMessage(code: PrinterErrorCode): Bilingual {
  switch (code) {
    case 'OFFLINE':
      return { ar: 'الطابعة غير متصلة. تحقق من تشغيلها ومن الكابل.', en: 'The printer is offline. Check its power and cable.' };
    case 'TIMEOUT':
      return { ar: 'لم تستجب الطابعة في الوقت المحدد. انظر هل خرج جزء من الإيصال.', en: 'The printer did not respond in time. Look whether part of the receipt came out.' };
    case 'IO':
      return { ar: 'تعذر إرسال الإيصال إلى الطابعة.', en: 'Could not send the receipt to the printer.' };
    case 'UNSUPPORTED':
      return { ar: 'نوع اتصال الطابعة غير مدعوم على هذا الجهاز.', en: 'This printer connection is not supported on this machine.' };
    case 'PAPER_OUT':
      return { ar: 'نفد الورق من الطابعة. ضع لفة ورق جديدة.', en: 'The printer is out of paper. Load a new roll.' };
    case 'NOT_CONFIGURED':
      return { ar: 'لم تُحدد طابعة لهذه النقطة. اطلب من المشرف ضبطها في الإعدادات.', en: 'No printer is set up at this counter. Ask a supervisor to set it in Settings.' };
  }
}
