// The outbox table: must-deliver messages, each with the idempotency key sent on every attempt.
import type { ReadDb, WriteDb } from '../open';
import { stmt } from './stmt';

export interface OutboxRow {
  id: number; topic: string; key: string; sale_id: string | null; payload_json: string; status: 'pending' | 'done' | 'dead';
  attempts: number; next_attempt_at: string; last_error: string | null; created_at: string; delivered_at: string | null;
  order_key: string | null; resolved_at: string | null; resolved_by: number | null; resolution: string | null;
  /** Why it died, when it did (migration 0008); null while it has not. */
  dead_code: string | null; dead_message_json: string | null; dead_at: string | null;
}

/** orderKey (e.g. "meter:<number>"): the message waits for earlier pending messages with the same key. */
export function enqueue(db: WriteDb, m: { topic: string; key: string; saleId?: string; payload: unknown; at: string; orderKey?: string }): number {
  const r = stmt(
    db,
    `INSERT INTO outbox (topic, key, sale_id, payload_json, next_attempt_at, created_at, order_key) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (topic, key) DO NOTHING RETURNING id`,
  ).get(m.topic, m.key, m.saleId ?? null, JSON.stringify(m.payload), m.at, m.at, m.orderKey ?? null) as { id: number } | undefined;
  if (r) return r.id;
  return (db.prepare('SELECT id FROM outbox WHERE topic = ? AND key = ?').get(m.topic, m.key) as { id: number }).id;
}

// A message with an order key waits while an earlier message with the same key is still pending
// (a dead one does not block: it was refused for good and a supervisor decides about it).
const IN_ORDER = `(o.order_key IS NULL OR NOT EXISTS
  (SELECT 1 FROM outbox e WHERE e.order_key = o.order_key AND e.status = 'pending' AND e.id < o.id))`;

/**
 * Due messages, longest due first; head-office sale records wait until their sale has a final
 * outcome. Cached, and in the order of the index outbox_due (status, next_attempt_at, then id), so
 * the query stops at `limit` instead of joining and sorting every pending message each time: a
 * backlog of 10,000 sales used to cost a full sort per 500 sent. Order between messages that must
 * keep it (same order key) is IN_ORDER's business, not the sort's.
 */
export function dueRows(db: ReadDb, now: string, limit: number): OutboxRow[] {
  return stmt(
    db,
    `SELECT o.* FROM outbox o LEFT JOIN sales s ON s.id = o.sale_id
     WHERE o.status = 'pending' AND o.next_attempt_at <= ?
       AND (o.topic <> 'headoffice.sale' OR s.status IN ('issued', 'failed'))
       AND ${IN_ORDER}
     ORDER BY o.next_attempt_at, o.id LIMIT ?`,
  ).all(now, limit) as OutboxRow[];
}

/** True when an earlier message with the same order key is still pending. */
export function waitsForEarlier(db: ReadDb, id: number): boolean {
  return db.prepare(`SELECT 1 FROM outbox o WHERE o.id = ? AND NOT ${IN_ORDER}`).get(id) !== undefined;
}

/**
 * Makes every pending message of these topics due now (e.g. verifications, on reconnect). Only
 * those not yet due are touched: a backlog that is already due (10,000 sales waiting for the
 * network) is not rewritten on every "sync now", and keeps its longest-due-first order.
 */
export function makeDueNow(db: WriteDb, at: string, topics?: string[]): void {
  if (!topics) {
    stmt(db, `UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending' AND next_attempt_at > ?`).run(at, at);
    return;
  }
  db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending' AND next_attempt_at > ? AND topic IN (${topics.map(() => '?').join(',')})`).run(at, at, ...topics);
}

/** Settles the pending message of a topic about a sale (e.g. its verification once the sale is resolved). */
export function settleForSale(db: WriteDb, topic: string, saleId: string, at: string): void {
  db.prepare(`UPDATE outbox SET status = 'done', delivered_at = ?, last_error = NULL WHERE topic = ? AND sale_id = ? AND status = 'pending'`).run(at, topic, saleId);
}

export function nextDueAt(db: ReadDb): string | null {
  return (db.prepare(`SELECT MIN(next_attempt_at) AS t FROM outbox WHERE status = 'pending'`).get() as { t: string | null }).t;
}

export function getRow(db: ReadDb, id: number): OutboxRow | null {
  return (db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRow | undefined) ?? null;
}

export function markDone(db: WriteDb, id: number, at: string): void {
  stmt(db, `UPDATE outbox SET status = 'done', delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?`).run(at, id);
}

/** markDone for a whole acknowledged batch (a head-office POST of hundreds of sales), one statement. */
export function markAllDone(db: WriteDb, ids: readonly number[], at: string): void {
  stmt(db, `UPDATE outbox SET status = 'done', delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id IN (SELECT value FROM json_each(?))`)
    .run(at, JSON.stringify(ids));
}

export function markRetry(db: WriteDb, id: number, error: string, nextAt: string): void {
  db.prepare(`UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?`).run(error, nextAt, id);
}

export function markDead(db: WriteDb, id: number, refusal: { code: string; message: { ar: string; en: string } }, at: string): void {
  db.prepare(
    `UPDATE outbox SET status = 'dead', attempts = attempts + 1, last_error = ?, dead_code = ?, dead_message_json = ?, dead_at = ? WHERE id = ?`,
  ).run(`${refusal.code}: ${refusal.message.en}`, refusal.code, JSON.stringify(refusal.message), at, id);
}

/** Dead letters a supervisor has resolved no longer count as failed. */
export function counts(db: ReadDb): { pending: number; dead: number } {
  const r = db.prepare(
    `SELECT SUM(status = 'pending') AS pending, SUM(status = 'dead' AND resolved_at IS NULL) AS dead FROM outbox`,
  ).get() as { pending: number | null; dead: number | null };
  return { pending: r.pending ?? 0, dead: r.dead ?? 0 };
}

/** Messages of a topic still waiting to be sent (pending), from the outbox_due index. */
export function pendingCount(db: ReadDb, topic: string): number {
  return (stmt(db, `SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending' AND topic = ?`).get(topic) as { n: number }).n;
}
