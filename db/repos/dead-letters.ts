// The dead-letter list: messages a receiver refused for good. A supervisor sees them, sends one
// again (it goes back to pending with the same idempotency key) or resolves it with a note.
import type { ReadDb, WriteDb } from '../open';

export interface DeadLetterRow {
  id: number; topic: string; key: string; sale_id: string | null; receipt_no: number | null; meter_number: string | null;
  attempts: number; last_error: string | null; created_at: string; resolved_at: string | null; resolution: string | null;
  dead_code: string | null; dead_message_json: string | null; dead_at: string | null;
}

export function listDeadLetters(db: ReadDb, includeResolved: boolean, limit: number): DeadLetterRow[] {
  return db
    .prepare(
      `SELECT o.id, o.topic, o.key, o.sale_id, s.receipt_no,
              COALESCE(s.meter_number, json_extract(o.payload_json, '$.meterNumber')) AS meter_number,
              o.attempts, o.last_error, o.created_at, o.resolved_at, o.resolution, o.dead_code, o.dead_message_json, o.dead_at
       FROM outbox o LEFT JOIN sales s ON s.id = o.sale_id
       WHERE o.status = 'dead' AND (? OR o.resolved_at IS NULL) ORDER BY o.id DESC LIMIT ?`,
    )
    .all(includeResolved ? 1 : 0, limit) as DeadLetterRow[];
}

/** Back to pending, due now. False when the message is not an unresolved dead letter. */
export function retryDeadLetter(db: WriteDb, id: number, at: string): boolean {
  return db.prepare(`UPDATE outbox SET status = 'pending', next_attempt_at = ?, attempts = 0 WHERE id = ? AND status = 'dead' AND resolved_at IS NULL`).run(at, id).changes === 1;
}

export function resolveDeadLetter(db: WriteDb, id: number, userId: number, note: string, at: string): boolean {
  return db.prepare(`UPDATE outbox SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ? AND status = 'dead' AND resolved_at IS NULL`).run(at, userId, note, id).changes === 1;
}
