// sync.* and outbox.*: the link to the vendors and the head office as the top bar shows it, and
// the messages they refused (dead letters): retried or resolved by a supervisor, each audited.
import { listDeadLetters, resolveDeadLetter, retryDeadLetter } from '../../db/repos/dead-letters';
import type { Db } from '../../db/open';
import { appendAudit } from '../audit/append';
import { err } from '../common/errors';
import { requireUser, type NamespaceHandlers } from '../ipc/handlers';
import type { OutboxWorker } from './worker';

const notDead = () => err('NOT_FOUND', 'There is no unresolved failed message with this number.', 'لا توجد رسالة فاشلة غير معالجة بهذا الرقم.');

export function outboxHandlers(d: { db: Db; worker: OutboxWorker; now: () => Date }): NamespaceHandlers<'sync' | 'outbox'> {
  const { worker } = d;
  const w = d.db.write;
  const audited = (action: string, id: number, userId: number, details: Record<string, unknown>) => {
    appendAudit(w, { at: d.now().toISOString(), userId, action, entity: 'outbox', entityId: String(id), details });
  };
  return {
    'sync.status': () => worker.status(),
    'sync.now': () => worker.syncNow(),
    'outbox.deadLetters': ({ includeResolved, limit }) =>
      listDeadLetters(d.db.read, includeResolved, limit).map((r) => ({
        id: r.id, topic: r.topic, saleId: r.sale_id, receiptNo: r.receipt_no, meterNumber: r.meter_number, attempts: r.attempts,
        lastError: r.last_error, createdAt: r.created_at, resolvedAt: r.resolved_at, resolution: r.resolution,
        reason: r.dead_code && r.dead_message_json ? { code: r.dead_code, message: JSON.parse(r.dead_message_json) as { ar: string; en: string } } : null,
        refusedAt: r.dead_at,
      })),
    'outbox.retry': ({ id }, ctx) => {
      const user = requireUser(ctx);
      const ok = w.transaction(() => {
        const at = d.now().toISOString();
        const done = retryDeadLetter(w, id, at);
        if (done) {
          audited('outbox.retry', id, user.id, {});
          worker.deadLetterChanged(id, 'retried', at);
        }
        return done;
      })();
      if (!ok) throw notDead();
      worker.kick();
      return worker.status();
    },
    'outbox.resolve': ({ id, note }, ctx) => {
      const user = requireUser(ctx);
      const ok = w.transaction(() => {
        const at = d.now().toISOString();
        const done = resolveDeadLetter(w, id, user.id, note, at);
        if (done) {
          audited('outbox.resolve', id, user.id, { note });
          worker.deadLetterChanged(id, 'resolved', at);
        }
        return done;
      })();
      if (!ok) throw notDead();
      return worker.status();
    },
  };
}
