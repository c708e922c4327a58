// Handlers of the offline-first channels (issue 6): pending sales, the dead-letter list and its
// two actions (each audited), and an on-demand backup. Spread into buildHandlers.
import { listDeadLetters, resolveDeadLetter, retryDeadLetter } from '../../db/repos/dead-letters';
import { openSales } from '../../db/repos/sales';
import { appendAudit } from '../audit/append';
import type { BackupReason, BackupResult } from '../backup';
import { err } from '../common/errors';
import type { OutboxWorker } from '../outbox/worker';
import type { SalesDeps } from '../sales/ports';
import type { Handlers } from './handlers';

export interface OfflineHandlerDeps {
  sales: Pick<SalesDeps, 'db' | 'now' | 'log'>;
  worker: OutboxWorker;
  backup: (reason: BackupReason) => Promise<BackupResult>;
}

type Offline = Pick<Handlers, 'sales.pending' | 'outbox.deadLetters' | 'outbox.retry' | 'outbox.resolve' | 'backup.now'>;

const notDead = () => err('NOT_FOUND', 'There is no unresolved failed message with this number.', 'لا توجد رسالة فاشلة غير معالجة بهذا الرقم.');

export function offlineHandlers(d: OfflineHandlerDeps): Offline {
  const { sales, worker } = d;
  const userId = (ctx: { session: { user: { id: number } } | null }) => ctx.session?.user.id ?? null;
  const audited = (action: string, id: number, ctx: { session: { user: { id: number } } | null }, details: Record<string, unknown>) => {
    appendAudit(sales.db.write, { at: sales.now().toISOString(), userId: userId(ctx), action, entity: 'outbox', entityId: String(id), details });
  };
  return {
    'sales.pending': ({ limit }) => openSales(sales.db.read, limit),
    'outbox.deadLetters': ({ includeResolved, limit }) =>
      listDeadLetters(sales.db.read, includeResolved, limit).map((r) => ({
        id: r.id, topic: r.topic, saleId: r.sale_id, receiptNo: r.receipt_no, meterNumber: r.meter_number, attempts: r.attempts,
        lastError: r.last_error, createdAt: r.created_at, resolvedAt: r.resolved_at, resolution: r.resolution,
        reason: r.dead_code && r.dead_message_json ? { code: r.dead_code, message: JSON.parse(r.dead_message_json) as { ar: string; en: string } } : null,
        refusedAt: r.dead_at,
      })),
    'outbox.retry': ({ id }, ctx) => {
      const w = sales.db.write;
      const ok = w.transaction(() => {
        const done = retryDeadLetter(w, id, sales.now().toISOString());
        if (done) audited('outbox.retry', id, ctx, {});
        return done;
      })();
      if (!ok) throw notDead();
      worker.kick();
      return worker.status();
    },
    'outbox.resolve': ({ id, note }, ctx) => {
      const w = sales.db.write;
      const uid = userId(ctx);
      if (uid === null) throw err('UNAUTHENTICATED', 'Please log in again.', 'يرجى تسجيل الدخول مرة أخرى.');
      const ok = w.transaction(() => {
        const done = resolveDeadLetter(w, id, uid, note, sales.now().toISOString());
        if (done) audited('outbox.resolve', id, ctx, { note });
        return done;
      })();
      if (!ok) throw notDead();
      return worker.status();
    },
    'backup.now': async () => {
      try {
        const r = await d.backup('manual');
        return { file: r.file, bytes: r.bytes, at: r.at };
      } catch (e) {
        sales.log.error({ err: (e as Error).message }, 'backup failed');
        throw err('INTERNAL', `The backup failed: ${(e as Error).message}. Check the backup folder and try again.`,
          `فشل النسخ الاحتياطي: ${(e as Error).message}. تحقق من مجلد النسخ الاحتياطي وحاول مرة أخرى.`);
      }
    },
  };
}
