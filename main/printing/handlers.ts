// printer.* and receipts.*: the receipt printer's settings and test page, a receipt's on-screen
// preview, and the receipts that did not come out (retry, or reprint as a COPY).
import { jobReprintState } from '../../db/repos/print-jobs';
import { getSale } from '../../db/repos/sales';
import type { AppConfig } from '../app/config';
import { guardCopy } from '../auth/reprint-guard';
import { err } from '../common/errors';
import { requireUser, type NamespaceHandlers } from '../ipc/handlers';
import { kickPrintQueue, printOutcome, problemJobs, reprintJob, retryJob, type ReceiptDeps } from './receipts';
import type { ReceiptPrinter } from './port';
import { loadPrinterSettings, savePrinterSettings } from './settings';
import { printTestPage } from './test-print';

export interface PrintingDeps {
  config: AppConfig;
  sales: ReceiptDeps;
  printer: ReceiptPrinter;
}

const noSale = () => err('NOT_FOUND', 'No such sale.', 'لا توجد عملية بيع بهذا الرقم.');
const noJob = () => err('NOT_FOUND', 'This receipt is no longer waiting to be printed.', 'هذا الإيصال لم يعد بانتظار الطباعة.');

export function printingHandlers({ config, sales, printer }: PrintingDeps): NamespaceHandlers<'printer' | 'receipts'> {
  return {
    'printer.settings': () => loadPrinterSettings(sales.db.read, config),
    'printer.saveSettings': (input, ctx) => {
      const saved = savePrinterSettings(sales.db.write, input, requireUser(ctx).id, sales.now().toISOString());
      kickPrintQueue(sales);
      return saved;
    },
    'printer.test': ({ settings }, ctx) => printTestPage({ db: sales.db.write, printer, now: sales.now, log: sales.log }, settings, requireUser(ctx).id),
    'receipts.preview': ({ id, copy }, ctx) => {
      const sale = getSale(sales.db.read, id);
      if (!sale) throw noSale();
      const { png, preview, widthMm } = printer.preview(sale, copy, requireUser(ctx).displayName);
      return {
        png: png.toString('base64'), width: preview.bitmap.width, height: preview.bitmap.height, widthMm,
        rasters: preview.rasters.map((r) => ({ top: r.top, height: r.bitmap.height })),
      };
    },
    'receipts.problems': ({ limit }) => problemJobs(sales, limit),
    'receipts.retry': async ({ jobId }) => printOutcome((await retryJob(sales, jobId)) ?? (() => { throw noJob(); })()),
    'receipts.reprint': async ({ jobId, approvalToken }, ctx) => {
      const user = requireUser(ctx);
      const job = jobReprintState(sales.db.write, jobId);
      if (job && job.status !== 'printed' && job.replaced_by === null) guardCopy(sales.db.write, user, job.sale_id, approvalToken, sales.now().toISOString());
      return printOutcome((await reprintJob(sales, jobId, user.id)) ?? (() => { throw noJob(); })());
    },
  };
}
