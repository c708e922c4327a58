// A sale's receipts: the sale's step 5 prints it from the stored sale through the print queue
// (queue.ts), and the receipts that did not come out are retried or reprinted. A printer fault
// never touches the sale: the job stays queued and is retried, and the
// sale's print status tells the screen. The original receipt is printed at most once; every later
// print is a COPY, and asking for one is audited.
import * as jobs from '../../db/repos/print-jobs';
import { printCount, receiptNoOf, saleExists } from '../../db/repos/sales';
import type { Bilingual } from '../../preload/contract';
import { appendAudit } from '../audit/append';
import { printerErrorMessage, type PrinterErrorCode } from './errors';
import type { Attempt, PrintQueue } from './queue';
import type { Db } from '../../db/open';

/** What printing a sale's receipt needs: the database, the print queue, the clock and the log. */
export interface ReceiptDeps {
  db: Db;
  receipts: PrintQueue;
  now: () => Date;
  log: { info(o: object, msg: string): void; warn(o: object, msg: string): void; error(o: object, msg: string): void };
}
type Deps = ReceiptDeps;

export interface PrintResult { printed: boolean; copy: boolean; jobId: number | null; code: PrinterErrorCode | null; error: string | null; message: Bilingual | null }

/** What a print call tells the screen (the contract's print outcome). */
export const printOutcome = (r: PrintResult) => ({ printed: r.printed, copy: r.copy, error: r.message });

/** What the cashier reads when a receipt did not come out. */
export function notPrintedMessage(code: PrinterErrorCode, willRetry: boolean): Bilingual {
  const m = printerErrorMessage(code);
  return willRetry
    ? { en: `${m.en} The sale is saved; Shahn keeps trying to print the receipt.`, ar: `${m.ar} عملية البيع محفوظة؛ يواصل شحن محاولة طباعة الإيصال.` }
    : { en: `${m.en} The sale is saved.`, ar: `${m.ar} عملية البيع محفوظة.` };
}

const result = (a: Attempt): PrintResult => ({
  printed: a.printed, copy: a.copy, jobId: a.jobId, code: a.code, error: a.error,
  message: a.code === null ? null : notPrintedMessage(a.code, a.willRetry),
});

/** The printer just worked: whatever else waits gets its turn now (not awaited by the cashier). */
function kickIfPrinted(q: PrintQueue, r: PrintResult | null): void {
  if (r?.printed) void q.kick();
}

function noSale(): PrintResult {
  return { printed: false, copy: false, jobId: null, code: null, error: 'no such sale', message: { en: 'No such sale.', ar: 'لا توجد عملية بيع بهذا الرقم.' } };
}

/** A COPY job for the sale, audited in the same transaction (who asked, which receipt). */
function enqueueCopy(d: Deps, saleId: string, userId: number | null, replaces: number | null): number {
  const w = d.db.write;
  const at = d.now().toISOString();
  return w.transaction(() => {
    const id = jobs.insertJob(w, { saleId, copy: true, requestedBy: userId, at });
    if (replaces !== null) jobs.markReplaced(w, replaces, id, at);
    const receiptNo = receiptNoOf(w, saleId);
    appendAudit(w, { at, userId, action: 'receipt.reprint', entity: 'sale', entityId: saleId, details: { receiptNo, jobId: id, replacesJob: replaces } });
    return id;
  })();
}

/**
 * Print a sale's receipt now: the original if it has not come out yet (a new sale, or a queued
 * one — never a second original), otherwise a COPY. Then the rest of the queue gets its turn.
 */
export async function printSale(d: Deps, saleId: string, forceCopy: boolean, userId: number | null = null): Promise<PrintResult> {
  const q = d.receipts;
  const w = d.db.write;
  const r = await q.serial(async () => {
    if (!saleExists(w, saleId)) return noSale();
    const original = jobs.originalJob(w, saleId);
    let jobId: number;
    // A sale printed before print jobs existed (an upgraded database) has no job but a print count.
    if (!original && !forceCopy && printCount(w, saleId) === 0) {
      jobId = jobs.insertJob(w, { saleId, copy: false, requestedBy: userId, at: d.now().toISOString() });
    } else if (original && !forceCopy && (original.status === 'queued' || original.status === 'failed') && original.replaced_by === null) {
      jobs.requeue(w, original.id, d.now().toISOString());
      jobId = original.id;
    } else {
      jobId = enqueueCopy(d, saleId, userId, null);
    }
    return result(await q.attempt(jobId));
  });
  kickIfPrinted(q, r);
  return r;
}

/** The cashier's Retry: the same job (same original/copy) again, now. */
export async function retryJob(d: Deps, jobId: number): Promise<PrintResult | null> {
  const q = d.receipts;
  const r = await q.serial(async () => {
    const job = jobs.getJob(d.db.write, jobId);
    if (!job || job.replaced_by !== null || !jobs.requeue(d.db.write, jobId, d.now().toISOString())) return null;
    return result(await q.attempt(jobId));
  });
  kickIfPrinted(q, r);
  return r;
}

/** The cashier's Reprint of a job that did not print cleanly: the job is closed, a COPY goes instead. */
export async function reprintJob(d: Deps, jobId: number, userId: number | null): Promise<PrintResult | null> {
  const q = d.receipts;
  const r = await q.serial(async () => {
    const job = jobs.getJob(d.db.write, jobId);
    if (!job || job.status === 'printed' || job.replaced_by !== null) return null;
    return result(await q.attempt(enqueueCopy(d, job.sale_id, userId, job.id)));
  });
  kickIfPrinted(q, r);
  return r;
}

export function problemJobs(d: Pick<Deps, 'db'>, limit: number) {
  return jobs.problemJobs(d.db.read, limit).map((j) => ({
    id: j.id, saleId: j.sale_id, receiptNo: j.receipt_no, copy: j.copy === 1, status: j.status, attempts: j.attempts,
    errorCode: j.error_code,
    error: j.error_code ? notPrintedMessage(j.error_code as PrinterErrorCode, j.status === 'queued') : null,
    nextAt: j.next_at, createdAt: j.created_at,
  }));
}

/** The printer settings changed: jobs that failed for want of a usable address may print now. */
export function kickPrintQueue(d: Deps): void {
  jobs.requeueConfigFailures(d.db.write, d.now().toISOString());
  void d.receipts.kick();
}
