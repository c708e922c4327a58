// The worker on a real database with scripted receivers: verifications of unknown outcomes go
// first (at start-up and on reconnect), per-meter order holds, refusals become dead letters a
// supervisor can retry or resolve, and status() never waits on the network.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/open';
import { enqueue } from '../../../db/repos/outbox';
import { listDeadLetters, resolveDeadLetter, retryDeadLetter } from '../../../db/repos/dead-letters';
import { createOutboxWorker, type Delivery, type TopicHandler } from '../../../main/outbox/worker';
import { eventually } from '../../helpers/harness';

let db: Db;
let stop: (() => Promise<void>) | undefined;
afterEach(async () => { await stop?.(); db?.close(); });

function fresh(): Db {
  db = openDb(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-outbox-')), 'shahn.sqlite'));
  return db;
}

/** A receiver that records the order of what it was sent and answers as scripted. */
function receiver(calls: string[], answer: (key: string) => Delivery = () => ({ kind: 'ok', value: null }), priority = 0): TopicHandler {
  return {
    batch: 1,
    priority,
    async deliver(rows) {
      const out = new Map<number, Delivery>();
      for (const r of rows) {
        calls.push(`${r.topic}:${r.key}`);
        out.set(r.id, answer(r.key));
      }
      return out;
    },
  };
}

const at = () => new Date().toISOString();
const opts = { baseDelayMs: 20, maxDelayMs: 100, idleProbeMs: 50 };

describe('outbox worker', () => {
  it('at start-up, verifications of unknown outcomes are sent before anything else', async () => {
    fresh();
    const calls: string[] = [];
    for (let i = 0; i < 3; i++) enqueue(db.write, { topic: 'other', key: `o${i}`, payload: {}, at: at() });
    enqueue(db.write, { topic: 'verify', key: 'v1', payload: {}, at: at() });
    const w = createOutboxWorker({ db, ...opts, probe: async () => true, handlers: { other: receiver(calls), verify: receiver(calls, undefined, 1) } });
    stop = () => w.stop();
    w.start();
    await eventually(() => calls.length === 4, 5_000, 'all four');
    expect(calls[0]).toBe('verify:v1');
  });

  it('on reconnect, verifications go first even when their backoff is longer', async () => {
    fresh();
    const calls: string[] = [];
    let up = false;
    const answer = (): Delivery => (up ? { kind: 'ok', value: null } : { kind: 'unknown', reason: 'unreachable: ECONNREFUSED' });
    const w = createOutboxWorker({
      db, ...opts, maxDelayMs: 60_000, probe: async () => up,
      handlers: { other: receiver(calls, answer), verify: receiver(calls, answer, 1) },
    });
    stop = () => w.stop();
    enqueue(db.write, { topic: 'verify', key: 'v1', payload: {}, at: at() });
    w.start();
    await eventually(() => calls.length >= 1 && !w.status().online, 5_000, 'offline');
    // The verification is now in a long backoff; a new message arrives and is due at once.
    db.write.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE key = 'v1'`).run(new Date(Date.now() + 60_000).toISOString());
    enqueue(db.write, { topic: 'other', key: 'o1', payload: {}, at: at() });
    calls.length = 0;
    up = true;
    await eventually(() => w.status().pending === 0, 5_000, 'drained after reconnect');
    expect(calls[0]).toBe('verify:v1');
    expect(w.status().online).toBe(true);
  });

  it('per-meter order: a later message for a meter waits until the earlier one is delivered', async () => {
    fresh();
    const calls: string[] = [];
    let failFirst = 3;
    const answer = (key: string): Delivery => (key === 'a1' && failFirst-- > 0 ? { kind: 'unknown', reason: 'HTTP 503' } : { kind: 'ok', value: null });
    enqueue(db.write, { topic: 'cmd', key: 'a1', payload: {}, at: at(), orderKey: 'meter:A' });
    enqueue(db.write, { topic: 'cmd', key: 'b1', payload: {}, at: at(), orderKey: 'meter:B' });
    enqueue(db.write, { topic: 'cmd', key: 'a2', payload: {}, at: at(), orderKey: 'meter:A' });
    const w = createOutboxWorker({ db, ...opts, probe: async () => true, handlers: { cmd: receiver(calls, answer) } });
    stop = () => w.stop();
    w.start();
    await eventually(() => w.status().pending === 0, 5_000, 'drained');
    const firstA1Ok = calls.lastIndexOf('cmd:a1');
    expect(calls.indexOf('cmd:a2')).toBeGreaterThan(firstA1Ok); // never before a1 succeeded
    expect(calls).toContain('cmd:b1'); // another meter's message is not blocked by the order key
  });

  it('a refusal is a dead letter; a supervisor retries it (same key) or resolves it', async () => {
    fresh();
    const calls: string[] = [];
    let refuse = true;
    const answer = (): Delivery => (refuse ? { kind: 'refused', code: 'METER_POSTPAID', message: { en: 'postpaid', ar: 'آجل' } } : { kind: 'ok', value: null });
    const id = enqueue(db.write, { topic: 'cmd', key: 'k1', payload: {}, at: at() });
    const id2 = enqueue(db.write, { topic: 'cmd', key: 'k2', payload: {}, at: at() });
    const w = createOutboxWorker({ db, ...opts, probe: async () => true, handlers: { cmd: receiver(calls, answer) } });
    stop = () => w.stop();
    w.start();
    await eventually(() => w.status().failed === 2, 5_000, 'dead letters');
    expect(listDeadLetters(db.read, false, 10).map((r) => r.id).sort()).toEqual([id, id2]);
    expect(listDeadLetters(db.read, false, 10)[0]!.last_error).toMatch(/METER_POSTPAID/);
    refuse = false;
    expect(retryDeadLetter(db.write, id, at())).toBe(true);
    w.kick();
    await eventually(() => w.status().failed === 1 && w.status().pending === 0, 5_000, 'retried');
    expect(calls.filter((c) => c === 'cmd:k1')).toHaveLength(2); // the same idempotency key both times
    const sup = db.write.prepare(`INSERT INTO users (username, display_name, role, pin_hash, created_at) VALUES ('sup', 'Sup', 'supervisor', 'x', ?) RETURNING id`).get(at()) as { id: number };
    expect(resolveDeadLetter(db.write, id2, sup.id, 'refunded the customer', at())).toBe(true);
    expect(w.status().failed).toBe(0);
    expect(listDeadLetters(db.read, true, 10).find((r) => r.id === id2)?.resolution).toBe('refunded the customer');
    expect(retryDeadLetter(db.write, id2, at())).toBe(false); // resolved: no longer actionable
  });

  it('status() answers at once while a delivery hangs', async () => {
    fresh();
    enqueue(db.write, { topic: 'slow', key: 's', payload: {}, at: at() });
    const slow: TopicHandler = { batch: 1, deliver: () => new Promise(() => {}) };
    const w = createOutboxWorker({ db, ...opts, probe: () => new Promise(() => {}), handlers: { slow } });
    w.start();
    await new Promise((r) => setTimeout(r, 50));
    const t = Date.now();
    expect(w.status().pending).toBe(1);
    expect(Date.now() - t).toBeLessThan(20);
    const t2 = Date.now();
    await w.syncNow(200);
    expect(Date.now() - t2).toBeLessThan(1_000);
    void w.stop();
  });
});

describe('backoff holds while the network is up', () => {
  it('a receiver answering 503 (not a lost network) is retried by its backoff, not in a tight loop', async () => {
    fresh();
    enqueue(db.write, { topic: 'sts.verify', key: 'k1', payload: {}, at: at() });
    const calls: string[] = [];
    let probes = 0;
    const worker = createOutboxWorker({
      db, baseDelayMs: 200, maxDelayMs: 400, idleProbeMs: 100,
      handlers: { 'sts.verify': receiver(calls, () => ({ kind: 'unknown', reason: 'HTTP 503 from the vendor' }), 10) },
      probe: async () => { probes++; return true; },
    });
    stop = () => worker.stop();
    worker.start();
    await new Promise((r) => setTimeout(r, 1_200));
    // 1.2 s with a 200-400 ms backoff: a handful of tries, not hundreds.
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.length).toBeLessThan(10);
    expect(worker.status().online).toBe(true);
    expect(probes).toBeLessThan(30);
  });
});
