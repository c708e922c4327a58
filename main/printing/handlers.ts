// Handlers of the receipt and printer channels (issue 7). Spread into buildHandlers.
import { getSale } from '../../db/repos/sales';
import type { AppConfig } from '../app/config';
import { err } from '../common/errors';
import type { CallContext } from '../ipc/dispatch';
import type { Handlers } from '../ipc/handlers';
import type { SalesDeps } from '../sales/ports';
import { kickPrintQueue, printSale, problemJobs, reprintJob, retryJob, type PrintResult } from '../sales/print';
import type { ReceiptPrinter } from './port';
import { guardCopy, nextPrintIsCopy } from '../auth/reprint-guard';
import { loadPrinterSettings, savePrinterSettings } from './settings';
import { printTestPage } from './test-print';

type Printing = Pick<Handlers, 'sales.print' | 'printer.settings' | 'printer.saveSettings' | 'printer.test' | 'receipts.preview' | 'receipts.problems' | 'receipts.retry' | 'receipts.reprint'>;

const noSale = () => err('NOT_FOUND', 'No such sale.', 'لا توجد عملية بيع بهذا الرقم.');
const noJob = () => err('NOT_FOUND', 'This receipt is no longer waiting to be printed.', 'هذا الإيصال لم يعد بانتظار الطباعة.');
const out = (r: PrintResult) => ({ printed: r.printed, copy: r.copy, error: r.message });
const userOf = (ctx: CallContext) => ctx.session?.user ?? null;

export function printingHandlers(config: AppConfig, sales: SalesDeps, printer: ReceiptPrinter): Printing {
  return {
    'sales.print': async ({ id, approvalToken }, ctx) => {
      if (!getSale(sales.db.read, id)) throw noSale();
      if (nextPrintIsCopy(sales.db.write, id)) guardCopy(sales.db.write, userOf(ctx), id, approvalToken, sales.now().toISOString()); // issue 8
      return out(await printSale(sales, id, false, userOf(ctx)?.id ?? null));
    },
    'printer.settings': () => loadPrinterSettings(sales.db.read, config),
    'printer.saveSettings': (input, ctx) => {
      const saved = savePrinterSettings(sales.db.write, input, userOf(ctx)?.id ?? null, sales.now().toISOString());
      kickPrintQueue(sales);
      return saved;
    },
    'printer.test': ({ settings }, ctx) => printTestPage({ db: sales.db.write, printer, now: sales.now, log: sales.log }, settings, userOf(ctx)?.id ?? null),
    'receipts.preview': ({ id, copy }, ctx) => {
      const sale = getSale(sales.db.read, id);
      if (!sale) throw noSale();
      const { png, preview, widthMm } = printer.preview(sale, copy, userOf(ctx)?.displayName ?? null);
      return {
        png: png.toString('base64'), width: preview.bitmap.width, height: preview.bitmap.height, widthMm,
        rasters: preview.rasters.map((r) => ({ top: r.top, height: r.bitmap.height })),
      };
    },
    'receipts.problems': ({ limit }) => problemJobs(sales, limit),
    'receipts.retry': async ({ jobId }) => out((await retryJob(sales, jobId)) ?? (() => { throw noJob(); })()),
    'receipts.reprint': async ({ jobId, approvalToken }, ctx) => {
      const job = sales.db.write.prepare('SELECT sale_id, status, replaced_by FROM print_jobs WHERE id = ?').get(jobId) as { sale_id: string; status: string; replaced_by: number | null } | undefined;
      if (job && job.status !== 'printed' && job.replaced_by === null) guardCopy(sales.db.write, userOf(ctx), job.sale_id, approvalToken, sales.now().toISOString()); // issue 8
      return out((await reprintJob(sales, jobId, userOf(ctx)?.id ?? null)) ?? (() => { throw noJob(); })());
    },
  };
}
