// The one outbox worker of a database. At-least-once delivery: every attempt carries the
// message's idempotency key, so the receiver applies it once. Exponential backoff with jitter;
// a definite refusal (the receiver said no for good) moves the message to the dead-letter list.
import type { Db } from '../../db/open';
import { counts, dueRows, getRow, markDead, markDone, markRetry, type OutboxRow } from '../../db/repos/outbox';
import type { VendorOutcome } from '../vendors/outcome';

export type Delivery = VendorOutcome<unknown>;

export interface TopicHandler {
  /** How many due rows of this topic to hand over in one call (head-office batches). */
  batch: number;
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
}

export function backoffMs(attempts: number, base: number, max: number, random: () => number): number {
  const exp = Math.min(max, base * 2 ** Math.min(attempts, 20));
  return Math.round(exp / 2 + (exp / 2) * random()); // "equal jitter": never zero, never above the cap
}

export function createOutboxWorker(o: WorkerOptions) {
  const now = o.now ?? (() => new Date());
  const base = o.baseDelayMs ?? 2_000;
  const max = o.maxDelayMs ?? 5 * 60_000;
  const random = o.random ?? Math.random;
  const inFlight = new Set<number>();
  let online = false;
  let lastSyncAt: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;

  function settle(row: OutboxRow, result: Delivery | undefined): 'done' | 'retry' | 'dead' {
    const at = now().toISOString();
    const handler = o.handlers[row.topic];
    const w = o.db.write;
    if (result?.kind === 'ok') {
      online = true;
      lastSyncAt = at;
      w.transaction(() => { markDone(w, row.id, at); handler?.onDone?.(row, result.value, at); })();
      return 'done';
    }
    if (result?.kind === 'refused') {
      online = true;
      w.transaction(() => { markDead(w, row.id, `${result.code}: ${result.message.en}`); handler?.onDead?.(row, result, at); })();
      return 'dead';
    }
    const reason = result ? result.reason : 'no answer for this message';
    if (result) online = false;
    o.log?.warn({ outboxId: row.id, topic: row.topic, saleId: row.sale_id, reason }, 'outbox delivery will be retried');
    markRetry(w, row.id, reason, new Date(now().getTime() + backoffMs(row.attempts, base, max, random)).toISOString());
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
      for (const r of rows) out.set(r.id, settle(r, results.get(r.id)));
    } finally {
      rows.forEach((r) => inFlight.delete(r.id));
    }
    return out;
  }

  async function round(): Promise<void> {
    for (;;) {
      const due = dueRows(o.db.read, now().toISOString(), 500).filter((r) => !inFlight.has(r.id));
      if (due.length === 0) break;
      const byTopic = new Map<string, OutboxRow[]>();
      for (const r of due) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r]);
      let progressed = false;
      for (const [topic, rows] of byTopic) {
        const size = o.handlers[topic]?.batch ?? 1;
        for (let i = 0; i < rows.length; i += size) {
          const res = await deliver(rows.slice(i, i + size));
          if ([...res.values()].some((v) => v !== 'retry')) progressed = true;
          if (!online) break; // the network is gone: stop hammering, the backoff decides
        }
      }
      if (!progressed) break;
    }
    if (counts(o.db.read).pending === 0) {
      online = await o.probe().catch(() => false);
      if (online) lastSyncAt = now().toISOString();
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
    const next = o.db.read.prepare(`SELECT MIN(next_attempt_at) AS t FROM outbox WHERE status = 'pending'`).get() as { t: string | null };
    const idle = o.idleProbeMs ?? 15_000;
    schedule(next.t ? Math.max(50, Math.min(idle, new Date(next.t).getTime() - now().getTime())) : idle);
  }

  return {
    start() { stopped = false; schedule(0); },
    stop() { stopped = true; if (timer) clearTimeout(timer); timer = null; return running ?? Promise.resolve(); },
    kick() { if (!stopped) schedule(0); },
    /** One attempt at one message now (the sale flow's "send it while the customer waits"). */
    async deliverNow(id: number): Promise<'done' | 'retry' | 'dead'> {
      const row = getRow(o.db.read, id);
      if (!row || row.status !== 'pending' || inFlight.has(id)) return row?.status === 'done' ? 'done' : row?.status === 'dead' ? 'dead' : 'retry';
      return (await deliver([row])).get(id) ?? 'retry';
    },
    /** Everything due now, attempted now (the "sync now" button); resolves when the round ends. */
    async syncNow() {
      o.db.write.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending'`).run(now().toISOString());
      await run();
      return this.status();
    },
    status() {
      const c = counts(o.db.read);
      return { online, pending: c.pending, failed: c.dead, lastSyncAt };
    },
  };
}
export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
