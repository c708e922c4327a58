// print_jobs rows. Every status change of a job goes through here; main/printing/receipts.ts decides
// which change happens when (see the state notes in the migration 0005).
import type { ReadDb, WriteDb } from '../open';

export type PrintJobStatus = 'queued' | 'printing' | 'printed' | 'failed';

export interface PrintJobRow {
  id: number; sale_id: string; copy: 0 | 1; status: PrintJobStatus; attempts: number; error_code: string | null;
  last_error: string | null; requested_by: number | null; replaced_by: number | null; next_at: string;
  created_at: string; updated_at: string; printed_at: string | null;
  /** joined from sales */
  receipt_no: number;
}

const SELECT = 'SELECT j.*, s.receipt_no FROM print_jobs j JOIN sales s ON s.id = j.sale_id';

export function insertJob(db: WriteDb, j: { saleId: string; copy: boolean; requestedBy: number | null; at: string }): number {
  return Number(
    db.prepare(`INSERT INTO print_jobs (sale_id, copy, status, requested_by, next_at, created_at, updated_at) VALUES (?, ?, 'queued', ?, ?, ?, ?)`)
      .run(j.saleId, j.copy ? 1 : 0, j.requestedBy, j.at, j.at, j.at).lastInsertRowid,
  );
}

export function getJob(db: ReadDb, id: number): PrintJobRow | null {
  return (db.prepare(`${SELECT} WHERE j.id = ?`).get(id) as PrintJobRow | undefined) ?? null;
}

export function originalJob(db: ReadDb, saleId: string): PrintJobRow | null {
  return (db.prepare(`${SELECT} WHERE j.sale_id = ? AND j.copy = 0`).get(saleId) as PrintJobRow | undefined) ?? null;
}

/** Queued jobs oldest first; `dueBy` limits them to those whose backoff has run out. */
export function queuedJobs(db: ReadDb, dueBy?: string): PrintJobRow[] {
  return dueBy === undefined
    ? (db.prepare(`${SELECT} WHERE j.status = 'queued' ORDER BY j.id`).all() as PrintJobRow[])
    : (db.prepare(`${SELECT} WHERE j.status = 'queued' AND j.next_at <= ? ORDER BY j.id`).all(dueBy) as PrintJobRow[]);
}

export function nextDue(db: ReadDb): string | null {
  return (db.prepare(`SELECT MIN(next_at) AS t FROM print_jobs WHERE status = 'queued'`).get() as { t: string | null }).t;
}

/** Jobs the cashier should hear about: not printed, tried at least once, not replaced by a reprint. */
export function problemJobs(db: ReadDb, limit: number): PrintJobRow[] {
  return db.prepare(
    `${SELECT} WHERE j.status IN ('queued', 'failed') AND j.attempts > 0 AND j.replaced_by IS NULL ORDER BY j.id DESC LIMIT ?`,
  ).all(limit) as PrintJobRow[];
}

/** queued -> printing; false when someone else took it (or it is no longer queued). */
export function claimJob(db: WriteDb, id: number, at: string): boolean {
  return db.prepare(`UPDATE print_jobs SET status = 'printing', attempts = attempts + 1, updated_at = ? WHERE id = ? AND status = 'queued'`).run(at, id).changes === 1;
}

export function markPrinted(db: WriteDb, id: number, at: string): void {
  db.prepare(`UPDATE print_jobs SET status = 'printed', error_code = NULL, last_error = NULL, printed_at = ?, updated_at = ? WHERE id = ?`).run(at, at, id);
}

export function markNotPrinted(db: WriteDb, id: number, r: { status: 'queued' | 'failed'; code: string; error: string; nextAt: string; at: string }): void {
  db.prepare(`UPDATE print_jobs SET status = ?, error_code = ?, last_error = ?, next_at = ?, updated_at = ? WHERE id = ?`)
    .run(r.status, r.code, r.error, r.nextAt, r.at, id);
}

/** The printer just failed: queued jobs due sooner wait until `until` too (their attempts unchanged). */
export function postponeQueued(db: WriteDb, until: string): void {
  db.prepare(`UPDATE print_jobs SET next_at = ? WHERE status = 'queued' AND next_at < ?`).run(until, until);
}

/** The cashier asked for it: back in the queue, due now (failed jobs included). */
export function requeue(db: WriteDb, id: number, at: string): boolean {
  return db.prepare(`UPDATE print_jobs SET status = 'queued', next_at = ?, updated_at = ? WHERE id = ? AND status IN ('queued', 'failed')`).run(at, at, id).changes === 1;
}

/** Jobs that failed only for want of a usable printer address go back to the queue once it is changed. */
export function requeueConfigFailures(db: WriteDb, at: string): number {
  return db.prepare(
    `UPDATE print_jobs SET status = 'queued', next_at = ?, updated_at = ?
     WHERE status = 'failed' AND replaced_by IS NULL AND error_code IN ('UNSUPPORTED', 'NOT_CONFIGURED')`,
  ).run(at, at).changes;
}

export function markReplaced(db: WriteDb, id: number, by: number, at: string): void {
  db.prepare(`UPDATE print_jobs SET status = 'failed', replaced_by = ?, updated_at = ? WHERE id = ? AND status IN ('queued', 'failed')`).run(by, at, id);
}

/** After a crash mid-print the job's fate is unknown; it goes back to the queue (a duplicate beats a lost receipt). */
export function resetInFlight(db: WriteDb, at: string): number {
  return db.prepare(`UPDATE print_jobs SET status = 'queued', next_at = ?, updated_at = ? WHERE status = 'printing'`).run(at, at).changes;
}

export function userDisplayName(db: ReadDb, userId: number | null): string | null {
  if (userId === null) return null;
  return (db.prepare('SELECT display_name FROM users WHERE id = ?').get(userId) as { display_name: string } | undefined)?.display_name ?? null;
}

/** The state of the sale's ORIGINAL job, if it has one. */
export function originalJobState(db: ReadDb, saleId: string): { status: string; replaced_by: number | null } | undefined {
  return db.prepare('SELECT status, replaced_by FROM print_jobs WHERE sale_id = ? AND copy = 0').get(saleId) as { status: string; replaced_by: number | null } | undefined;
}

export function copyJobCount(db: ReadDb, saleId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM print_jobs WHERE sale_id = ? AND copy = 1').get(saleId) as { n: number }).n;
}

/** What a reprint needs to know of a job: its sale, and whether it is out or replaced. */
export function jobReprintState(db: ReadDb, id: number): { sale_id: string; status: string; replaced_by: number | null } | undefined {
  return db.prepare('SELECT sale_id, status, replaced_by FROM print_jobs WHERE id = ?').get(id) as { sale_id: string; status: string; replaced_by: number | null } | undefined;
}
