// Printer failures as a small closed set the sale flow can act on: OFFLINE (nothing listening,
// device absent) means "check the cable/power and reprint", TIMEOUT means the bytes may or may
// not have printed (look at the paper before reprinting), IO is anything else mid-write,
// UNSUPPORTED is a configuration this build cannot drive.
import type { Bilingual } from './types';

export type PrinterErrorCode = 'OFFLINE' | 'TIMEOUT' | 'IO' | 'UNSUPPORTED';

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
      return { ar: 'الطابعة غير متصلة. تحقق من التشغيل والكابل ثم أعد الطباعة.', en: 'Printer is offline. Check power and cable, then reprint.' };
    case 'TIMEOUT':
      return { ar: 'لم تستجب الطابعة في الوقت المحدد. تحقق من الورق قبل إعادة الطباعة.', en: 'Printer did not respond in time. Check the paper before reprinting.' };
    case 'IO':
      return { ar: 'تعذر إرسال الإيصال إلى الطابعة.', en: 'Could not send the receipt to the printer.' };
    case 'UNSUPPORTED':
      return { ar: 'نوع اتصال الطابعة غير مدعوم على هذا الجهاز.', en: 'This printer connection is not supported on this machine.' };
  }
}
