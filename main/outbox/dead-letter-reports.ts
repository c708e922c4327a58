// Dead letters reach the head office: when a message dies, and each time a supervisor retries or
// resolves one, a report message is queued in the same transaction; its delivery sends the dead
// letter's state as it is then (PushDeadLetterRequest), and the head office keeps the latest.
// Reports are never reported themselves: a report the head office refused stays a local dead letter.
import type { Db, WriteDb } from '../../db/open';
import { enqueue, getRow, type OutboxRow } from '../../db/repos/outbox';
import type { VendorOutcome } from '../vendors/outcome';
import type { PushDeadLetterRequest, PushDeadLetterResult } from '../vendors/head-office/wire';
import type { Delivery, TopicHandler } from './worker';

export const DEAD_LETTER_TOPIC = 'headoffice.deadletter';

/** The worker's onDeadLetter: call inside the transaction that changed the dead letter. */
export function reportDeadLetter(w: WriteDb, row: Pick<OutboxRow, 'id' | 'topic'>, event: 'dead' | 'retried' | 'resolved', at: string): void {
  if (row.topic === DEAD_LETTER_TOPIC) return;
  enqueue(w, { topic: DEAD_LETTER_TOPIC, key: `${row.id}:${event}:${at}`, payload: { outboxId: row.id, event }, at });
}


/** The report of one dead letter as it stands (null: not a dead letter this counter knows). */
function stateOf(db: Db, outboxId: number, event: 'dead' | 'retried' | 'resolved', at: string): PushDeadLetterRequest | null {
  const r = getRow(db.read, outboxId);
  if (!r || !r.dead_at || !r.dead_code || !r.dead_message_json) return null;
  return {
    outboxId: r.id, topic: r.topic, key: r.key, saleId: r.sale_id, code: r.dead_code,
    message: JSON.parse(r.dead_message_json) as { ar: string; en: string }, deadAt: r.dead_at,
    state: r.resolved_at ? 'resolved' : event === 'retried' || r.status !== 'dead' ? 'retried' : 'dead',
    resolution: r.resolution, resolvedAt: r.resolved_at, at,
  };
}

export function deadLetterHandler(db: Db, push: (d: PushDeadLetterRequest) => Promise<VendorOutcome<PushDeadLetterResult>>): TopicHandler {
  return {
    batch: 10,
    async deliver(rows) {
      const out = new Map<number, Delivery>();
      for (const r of rows) {
        const { outboxId, event } = JSON.parse(r.payload_json) as { outboxId: number; event: 'dead' | 'retried' | 'resolved' };
        const report = stateOf(db, outboxId, event, r.created_at);
        out.set(r.id, report ? await push(report) : { kind: 'ok', value: null });
      }
      return out;
    },
  };
}
