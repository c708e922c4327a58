// The outbox table: must-deliver messages, each with the idempotency key sent on every attempt.
import type Database from 'better-sqlite3';

export interface OutboxRow {
  id: number; topic: string; key: string; sale_id: string | null; payload_json: string; status: 'pending' | 'done' | 'dead';
  attempts: number; next_attempt_at: string; last_error: string | null; created_at: string; delivered_at: string | null;
}

export function enqueue(db: Database.Database, m: { topic: string; key: string; saleId?: string; payload: unknown; at: string }): number {
  const r = db
    .prepare(
      `INSERT INTO outbox (topic, key, sale_id, payload_json, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (topic, key) DO NOTHING RETURNING id`,
    )
    .get(m.topic, m.key, m.saleId ?? null, JSON.stringify(m.payload), m.at, m.at) as { id: number } | undefined;
  if (r) return r.id;
  return (db.prepare('SELECT id FROM outbox WHERE topic = ? AND key = ?').get(m.topic, m.key) as { id: number }).id;
}

/** Due messages; head-office sale records wait until their sale has a final outcome. */
export function dueRows(db: Database.Database, now: string, limit: number): OutboxRow[] {
  return db
    .prepare(
      `SELECT o.* FROM outbox o LEFT JOIN sales s ON s.id = o.sale_id
       WHERE o.status = 'pending' AND o.next_attempt_at <= ?
         AND (o.topic <> 'headoffice.sale' OR s.status IN ('issued', 'failed'))
       ORDER BY o.id LIMIT ?`,
    )
    .all(now, limit) as OutboxRow[];
}

export function getRow(db: Database.Database, id: number): OutboxRow | null {
  return (db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRow | undefined) ?? null;
}

export function markDone(db: Database.Database, id: number, at: string): void {
  db.prepare(`UPDATE outbox SET status = 'done', delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?`).run(at, id);
}

export function markRetry(db: Database.Database, id: number, error: string, nextAt: string): void {
  db.prepare(`UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?`).run(error, nextAt, id);
}

export function markDead(db: Database.Database, id: number, error: string): void {
  db.prepare(`UPDATE outbox SET status = 'dead', attempts = attempts + 1, last_error = ? WHERE id = ?`).run(error, id);
}

export function counts(db: Database.Database): { pending: number; dead: number } {
  const r = db.prepare(
    `SELECT SUM(status = 'pending') AS pending, SUM(status = 'dead') AS dead FROM outbox`,
  ).get() as { pending: number | null; dead: number | null };
  return { pending: r.pending ?? 0, dead: r.dead ?? 0 };
}
