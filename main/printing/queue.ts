// The print queue: every receipt is a print_jobs row before the printer is touched, so a printer
// that is off, out of paper or slow loses nothing and never touches the sale. One job at a time
// (the printer is one device); a failed job waits with exponential backoff, and every new sale or
// a cashier's Retry tries the whole queue again at once (the printer may well be back).
import type { Db } from '../../db/open';
import * as jobs from '../../db/repos/print-jobs';
import { getSale, setPrintStatus } from '../../db/repos/sales';
import type { Sale } from '../../preload/contract';
import { PrinterError, type PrinterErrorCode } from './errors';
import { backoffDelay } from '../common/backoff';

export const RETRY_BASE_MS = 2_000;
export const RETRY_MAX_MS = 60_000;
/** After this many automatic tries (about half an hour) a job waits for the cashier's Retry. */
export const MAX_AUTO_ATTEMPTS = 40;
/** Retrying cannot fix these; a settings change and the cashier's Retry can. */
const NEEDS_PERSON: ReadonlySet<PrinterErrorCode> = new Set(['UNSUPPORTED', 'NOT_CONFIGURED']);

export interface JobPrinter {
  print(sale: Sale, copy: boolean, reprintedBy?: string | null): Promise<void>;
}

export interface QueueDeps {
  db: Db;
  now: () => Date;
  printer: JobPrinter;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
}

export interface Attempt { jobId: number; printed: boolean; copy: boolean; code: PrinterErrorCode | null; error: string | null; willRetry: boolean }

export interface PrintQueue {
  /** Runs fn alone on the printer, after whatever is printing now. */
  serial<T>(fn: () => Promise<T>): Promise<T>;
  /** One try of one job (call inside serial). */
  attempt(jobId: number): Promise<Attempt>;
  /** Try every queued job now, oldest first, stopping at the first failure. Not awaited by sales. */
  kick(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

/** When a job that failed `attempts` times is tried again: doubling, no jitter (one local device). */
export function backoffMs(attempts: number): number {
  return backoffDelay(attempts - 1, { baseMs: RETRY_BASE_MS, maxMs: RETRY_MAX_MS, jitter: 'none' });
}

export function createPrintQueue(d: QueueDeps): PrintQueue {
  const w = d.db.write;
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let draining = false;

  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };

  async function attempt(jobId: number): Promise<Attempt> {
    const job = jobs.getJob(w, jobId);
    const at = () => d.now().toISOString();
    if (!job || !jobs.claimJob(w, jobId, at())) {
      // Printed or replaced meanwhile (another trigger got there first): nothing to do.
      return { jobId, printed: job?.status === 'printed', copy: job?.copy === 1, code: null, error: null, willRetry: false };
    }
    const sale = getSale(w, job.sale_id);
    const copy = job.copy === 1;
    try {
      if (!sale) throw new PrinterError('IO', `sale ${job.sale_id} not found`, '');
      await d.printer.print(sale, copy, copy ? jobs.userDisplayName(w, job.requested_by) : null);
      const t = at();
      w.transaction(() => {
        jobs.markPrinted(w, jobId, t);
        setPrintStatus(w, job.sale_id, 'printed', t, true);
      })();
      return { jobId, printed: true, copy, code: null, error: null, willRetry: false };
    } catch (e) {
      const code: PrinterErrorCode = e instanceof PrinterError ? e.code : 'IO';
      const message = (e as Error).message;
      const attempts = job.attempts + 1;
      const willRetry = !NEEDS_PERSON.has(code) && attempts < MAX_AUTO_ATTEMPTS;
      const now = d.now();
      w.transaction(() => {
        jobs.markNotPrinted(w, jobId, { status: willRetry ? 'queued' : 'failed', code, error: message, nextAt: new Date(now.getTime() + backoffMs(attempts)).toISOString(), at: now.toISOString() });
        setPrintStatus(w, job.sale_id, 'failed', now.toISOString(), false);
      })();
      d.log.warn({ saleId: job.sale_id, jobId, code, err: message, attempts, willRetry }, 'receipt not printed');
      return { jobId, printed: false, copy, code, error: message, willRetry };
    } finally {
      schedule();
    }
  }

  /** One timer for the earliest due job; re-armed after every attempt. */
  function schedule(): void {
    clearTimeout(timer);
    if (stopped) return;
    const due = jobs.nextDue(w);
    if (due === null) return;
    const ms = Math.max(0, new Date(due).getTime() - d.now().getTime());
    timer = setTimeout(() => void drain(false), Math.min(ms, RETRY_MAX_MS));
    timer.unref?.();
  }

  async function drain(all: boolean): Promise<void> {
    if (draining || stopped) return;
    draining = true;
    try {
      const list = all ? jobs.queuedJobs(w) : jobs.queuedJobs(w, d.now().toISOString());
      for (const job of list) {
        if (stopped) break;
        const r = await serial(() => attempt(job.id));
        if (!r.printed && r.code !== null) {
          // The printer just failed: the rest would fail the same way, so they wait as long as
          // this one (otherwise each would be tried at once, one after another).
          const failed = jobs.getJob(w, job.id);
          if (failed?.status === 'queued') jobs.postponeQueued(w, failed.next_at);
          break;
        }
      }
    } finally {
      draining = false;
      schedule();
    }
  }

  return {
    serial,
    attempt,
    kick: () => drain(true),
    start() {
      const n = jobs.resetInFlight(w, d.now().toISOString());
      if (n > 0) d.log.warn({ jobs: n }, 'print jobs interrupted by a restart are queued again');
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await chain;
    },
  };
}
