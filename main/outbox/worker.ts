// The one outbox worker of a database. At-least-once delivery: every attempt carries the
// message's idempotency key, so the receiver applies it once. Exponential backoff with jitter;
// a definite refusal (the receiver said no for good) moves the message to the dead-letter list.
import type { Db } from '../../db/open';
import { counts, dueRows, getRow, makeDueNow, markAllDone, markDead, markDone, markRetry, nextDueAt, waitsForEarlier, type OutboxRow } from '../../db/repos/outbox';
import { UNREACHABLE_PREFIX, type VendorOutcome } from '../vendors/outcome';
import { backoffDelay } from '../common/backoff';

/** A receiver's answer. An unknown may say when asking again first makes sense (`retryAt`, ISO). */
export type Delivery = VendorOutcome<unknown> | { kind: 'unknown'; reason: string; retryAt: string };

export interface TopicHandler {
  /** How many due rows of this topic to hand over in the next call (head-office batches); read before each call. */
  batch: number;
  /** Higher goes first in every round (verifications of unknown outcomes: 1; default 0). */
  priority?: number;
  deliver(rows: OutboxRow[]): Promise<Map<number, Delivery>>;
  /** Runs inside the transaction that marks the row done / dead. */
  onDone?(row: OutboxRow, value: unknown, at: string): void;
  onDead?(row: OutboxRow, refusal: Extract<Delivery, { kind: 'refused' }>, at: string): void;
}

export interface WorkerOptions {
  db: Db;
  handlers: Record<string, TopicHandler>;
  /** Cheap reachability check used when there is nothing to send. */
  probe: () => Promise<boolean>;
  now?: () => Date;
  baseDelayMs?: number;
  maxDelayMs?: number;
  idleProbeMs?: number;
  random?: () => number;
  log?: { warn(o: object, msg: string): void };
  /**
   * Told, inside the transaction, when a message dies and when a supervisor retries or resolves a
   * dead letter (dead-letter-reports.ts queues the head office's copy).
   */
  onDeadLetter?: (row: Pick<OutboxRow, 'id' | 'topic'>, event: 'dead' | 'retried' | 'resolved', at: string) => void;
}

/** When a message that failed `attempts` times is tried again: doubling, with equal jitter. */
export function backoffMs(attempts: number, base: number, max: number, random: () => number): number {
  return backoffDelay(attempts, { baseMs: base, maxMs: max, jitter: 'equal', random });
}

export function createOutboxWorker(o: WorkerOptions) {
  const now = o.now ?? (() => new Date());
  const base = o.baseDelayMs ?? 2_000;
  const max = o.maxDelayMs ?? 5 * 60_000;
  const random = o.random ?? Math.random;
  const inFlight = new Set<number>();
  let online = false;
  /** True once a delivery or probe has failed and no success came since: the counter is offline. */
  let knownOffline = false;
  /** The last probe failed: only a probe that then succeeds is a reconnect (all due at once). */
  let probeFailed = false;
  /** Set when the network comes back: the next round first makes every verification due. */
  let reconnected = true; // start-up counts as a reconnect: unknown outcomes are resolved first
  let lastSyncAt: string | null = null;
  const priorityTopics = Object.entries(o.handlers).filter(([, h]) => (h.priority ?? 0) > 0).map(([t]) => t);
  const prio = (topic: string) => o.handlers[topic]?.priority ?? 0;
  const wentOnline = () => {
    if (knownOffline) reconnected = true;
    online = true;
    knownOffline = false;
  };
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;

  /** Inside the batch's transaction already: no savepoint per row. */
  const atomically = (f: () => void) => (o.db.write.inTransaction ? f() : o.db.write.transaction(f)());

  function settle(row: OutboxRow, result: Delivery | undefined): 'done' | 'retry' | 'dead' {
    const at = now().toISOString();
    const handler = o.handlers[row.topic];
    const w = o.db.write;
    if (result?.kind === 'ok') {
      wentOnline();
      lastSyncAt = at;
      atomically(() => { markDone(w, row.id, at); handler?.onDone?.(row, result.value, at); });
      return 'done';
    }
    if (result?.kind === 'refused') {
      wentOnline();
      atomically(() => { markDead(w, row.id, result, at); o.onDeadLetter?.(row, 'dead', at); handler?.onDead?.(row, result, at); });
      return 'dead';
    }
    const reason = result ? result.reason : 'no answer for this message';
    // Only a request that never reached anyone means the network is gone. A 503, a timeout or a
    // "no record yet" is one receiver's answer: that message backs off, the counter stays online.
    if (result?.reason.startsWith(UNREACHABLE_PREFIX)) { online = false; knownOffline = true; }
    o.log?.warn({ outboxId: row.id, topic: row.topic, saleId: row.sale_id, reason }, 'outbox delivery will be retried');
    const retryAt = result && 'retryAt' in result ? result.retryAt : new Date(now().getTime() + backoffMs(row.attempts, base, max, random)).toISOString();
    markRetry(w, row.id, reason, retryAt);
    return 'retry';
  }

  async function deliver(rows: OutboxRow[]): Promise<Map<number, 'done' | 'retry' | 'dead'>> {
    const out = new Map<number, 'done' | 'retry' | 'dead'>();
    const handler = rows[0] && o.handlers[rows[0].topic];
    if (!handler) {
      for (const r of rows) out.set(r.id, settle(r, { kind: 'refused', code: 'NO_HANDLER', message: { en: `no handler for ${r.topic}`, ar: `لا معالج لـ ${r.topic}` } }));
      return out;
    }
    rows.forEach((r) => inFlight.add(r.id));
    try {
      let results: Map<number, Delivery>;
      try {
        results = await handler.deliver(rows);
      } catch (e) {
        results = new Map(rows.map((r) => [r.id, { kind: 'unknown', reason: `handler error: ${(e as Error).message}` }]));
      }
      // One transaction for the whole batch: one disk sync per head-office batch, not per sale.
      o.db.write.transaction(() => {
        const done: number[] = [];
        for (const r of rows) {
          const result = results.get(r.id);
          // Acknowledged, and nothing else to record for it: marked done with the rest of the batch.
          if (result?.kind === 'ok' && !handler.onDone) {
            done.push(r.id);
            out.set(r.id, 'done');
          } else {
            out.set(r.id, settle(r, result));
          }
        }
        if (done.length > 0) {
          const at = now().toISOString();
          wentOnline();
          lastSyncAt = at;
          markAllDone(o.db.write, done, at);
        }
      })();
    } finally {
      rows.forEach((r) => inFlight.delete(r.id));
    }
    return out;
  }

  async function round(): Promise<void> {
    // Offline with messages due: ask the probe first, so that if the network is back the
    // verifications of unknown outcomes are made due and go before the rest. A failed probe
    // does not stop delivery (the probe target may be down while a vendor is up).
    if (knownOffline && dueRows(o.db.read, now().toISOString(), 1).length > 0 && (await o.probe().catch(() => false))) wentOnline();
    for (;;) {
      if (reconnected) {
        reconnected = false;
        if (priorityTopics.length > 0) makeDueNow(o.db.write, now().toISOString(), priorityTopics);
      }
      const due = dueRows(o.db.read, now().toISOString(), 500).filter((r) => !inFlight.has(r.id));
      if (due.length === 0) break;
      const byTopic = new Map<string, OutboxRow[]>();
      for (const r of due) {
        const list = byTopic.get(r.topic);
        if (list) list.push(r);
        else byTopic.set(r.topic, [r]);
      }
      let progressed = false;
      // Verifications first: a later message must not run ahead of an unknown outcome's answer.
      for (const [topic, rows] of [...byTopic].sort((a, b) => prio(b[0]) - prio(a[0]))) {
        if (reconnected) break; // the network just came back: start over with the verifications
        for (let i = 0; i < rows.length; ) {
          const size = o.handlers[topic]?.batch ?? 1; // asked each time: a handler may size its batches by how the last one went
          const res = await deliver(rows.slice(i, i + size));
          i += size;
          if ([...res.values()].some((v) => v !== 'retry')) progressed = true;
          if (!online) break; // the network is gone: stop hammering, the backoff decides
        }
      }
      if (!progressed) break;
    }
    // Probe when idle, and while offline (so a reconnect is noticed before the backoff ends).
    const pending = counts(o.db.read).pending;
    if (pending === 0 || knownOffline || !online) {
      const up = await o.probe().catch(() => false);
      if (up) {
        const wasOffline = probeFailed;
        probeFailed = false;
        wentOnline();
        if (pending === 0) lastSyncAt = now().toISOString();
        if (wasOffline && pending > 0) {
          makeDueNow(o.db.write, now().toISOString());
          again = true;
        }
      } else {
        probeFailed = true;
        online = false;
        knownOffline = true;
      }
    }
  }

  function schedule(ms: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), ms);
    timer.unref?.();
  }

  async function run(): Promise<void> {
    if (running) { again = true; return running; }
    running = (async () => {
      do {
        again = false;
        try { await round(); } catch (e) { o.log?.warn({ err: (e as Error).message }, 'outbox round failed'); }
      } while (again);
    })();
    try { await running; } finally { running = null; }
    const next = nextDueAt(o.db.read);
    const idle = o.idleProbeMs ?? 15_000;
    schedule(next ? Math.max(50, Math.min(idle, new Date(next).getTime() - now().getTime())) : idle);
  }

  return {
    start() { stopped = false; schedule(0); },
    stop() { stopped = true; if (timer) clearTimeout(timer); timer = null; return running ?? Promise.resolve(); },
    kick() { if (!stopped) schedule(0); },
    /** One attempt at one message now (the sale flow's "send it while the customer waits"). */
    async deliverNow(id: number): Promise<'done' | 'retry' | 'dead'> {
      const row = getRow(o.db.read, id);
      if (!row || row.status !== 'pending' || inFlight.has(id)) return row?.status === 'done' ? 'done' : row?.status === 'dead' ? 'dead' : 'retry';
      // Offline (a probe or delivery just failed): do not make the customer wait for a timeout;
      // the worker sends it when the probe sees the network again. Per-meter order holds too.
      if (knownOffline || waitsForEarlier(o.db.read, id)) return 'retry';
      return (await deliver([row])).get(id) ?? 'retry';
    },
    /** Everything due now, attempted now (the "sync now" button); answers within waitMs even offline. */
    async syncNow(waitMs = 3_000) {
      makeDueNow(o.db.write, now().toISOString());
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([run(), new Promise<void>((r) => { timer = setTimeout(r, waitMs); })]).finally(() => clearTimeout(timer));
      return this.status();
    },
    /** A supervisor retried or resolved dead letter `id` (call inside that transaction). */
    deadLetterChanged(id: number, event: 'retried' | 'resolved', at: string) {
      const row = getRow(o.db.write, id);
      if (row) o.onDeadLetter?.(row, event, at);
    },
    /** Never waits on the network: counters from the database and the last known state. */
    status() {
      const c = counts(o.db.read);
      return { online, pending: c.pending, failed: c.dead, lastSyncAt };
    },
  };
}
export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
