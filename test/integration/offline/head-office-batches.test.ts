// Sale records go to the head office in batches as large as the protocol takes, read in one
// statement, and a batch that got no answer makes the next one smaller. The due-rows query stops
// at its limit instead of sorting the whole backlog; "sync now" rewrites only what is not yet due.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db, type ReadDb } from '../../../db/open';
import { counts, dueRows, enqueue, getRow, makeDueNow, markRetry } from '../../../db/repos/outbox';
import { getSale, getSales, insertPaidSale, nextReceiptNo, setOutcome } from '../../../db/repos/sales';
import { createOutboxWorker } from '../../../main/outbox/worker';
import { headOfficeHandler, MIN_SALES_PER_PUSH, type HeadOfficePort } from '../../../main/sales/deliveries';
import { quoteSale } from '../../../main/sales/quote';
import { keyStoreFor } from '../../../main/keys';
import { MAX_SALES_PER_PUSH } from '../../../main/vendors/head-office/wire';
import type { Sale } from '../../../preload/contract';
import { seedDemo } from '../../../scripts/seed-demo';
import { DEMO_STS_METERS } from '../../sim/demo-data';

let db: Db;
afterEach(() => db?.close());

/** A database holding `n` issued sales, each with its head-office record pending. */
function withSales(n: number): string[] {
  db = openDb(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-ho-batch-')), 'shahn.sqlite'));
  seedDemo(db.write);
  const now = () => new Date();
  const deps = { db, config: { counterName: 'Counter 1', currency: 'YER', currencyDecimals: 0, timeZone: 'Asia/Aden', vendorAcceptWindowMs: 0 }, now,
    keys: keyStoreFor(db.write), vending: { mode: 'vendor' as const, offlineLimitMinor: 1e12, saleDeadlineMs: 5_000 } };
  const { quote, meter } = quoteSale(deps, { meterNumber: DEMO_STS_METERS[0]!.number, amountMinor: 1500, tenderedMinor: 1500 });
  const ids: string[] = [];
  const w = db.write;
  w.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      const at = now().toISOString();
      insertPaidSale(w, { id, receiptNo: nextReceiptNo(w), userId: 1, meterId: meter.id, quote, paymentMethod: 'cash', at });
      setOutcome(w, id, { status: 'issued', token: '12345678901234567890', tokenSource: 'local', tid: null }, at);
      enqueue(w, { topic: 'headoffice.sale', key: id, saleId: id, payload: { saleId: id }, at });
      ids.push(id);
    }
  })();
  return ids;
}

/** A head office that takes everything, or answers as scripted, and records each batch. */
type Answer = (sales: Sale[]) => Awaited<ReturnType<HeadOfficePort['pushSales']>>;
function headOffice(answers: Answer[] = []) {
  const batches: Sale[][] = [];
  const port: HeadOfficePort = {
    async pushSales(sales) {
      batches.push(sales);
      const scripted = answers.shift();
      return scripted ? scripted(sales) : { kind: 'ok', value: { accepted: sales.map((s) => s.id) } };
    },
  };
  return { port, batches };
}

describe('sale records to the head office', () => {
  it('reads a batch of sales in one statement, exactly as one sale is read, leaving out ids that are not sales', () => {
    const ids = withSales(30);
    const got = getSales(db.read, [...ids, 'no-such-sale']);
    expect(got).toHaveLength(30);
    const byId = new Map(got.map((s) => [s.id, s]));
    for (const id of ids) {
      expect(byId.get(id)).toEqual(getSale(db.read, id));
      expect(JSON.stringify(byId.get(id))).toBe(JSON.stringify(getSale(db.read, id)));
    }
    expect(getSales(db.read, [])).toEqual([]);
  });

  it('sends a backlog in batches of the protocol maximum, and every sale once', async () => {
    const ids = withSales(MAX_SALES_PER_PUSH + 100);
    const ho = headOffice();
    const worker = createOutboxWorker({ db, probe: async () => true, idleProbeMs: 60_000, handlers: { 'headoffice.sale': headOfficeHandler({ db, config: { currencyDecimals: 0 } }, ho.port) } });
    await worker.syncNow(30_000);
    await worker.stop();
    expect(ho.batches.map((b) => b.length)).toEqual([MAX_SALES_PER_PUSH, 100]);
    expect(new Set(ho.batches.flat().map((s) => s.id))).toEqual(new Set(ids));
    expect(counts(db.read).pending).toBe(0);
  });

  it('halves the batch after a POST with no answer, never below the floor; a POST that never connected changes nothing; an answer doubles it back', async () => {
    withSales(40);
    const timeout = () => ({ kind: 'unknown' as const, reason: 'timeout after 30000 ms' });
    const ho = headOffice([timeout, timeout, () => ({ kind: 'unknown', reason: 'unreachable: ECONNREFUSED before connecting' })]);
    const h = headOfficeHandler({ db, config: { currencyDecimals: 0 } }, ho.port);
    const rows = () => dueRows(db.read, new Date().toISOString(), h.batch);
    expect(h.batch).toBe(MAX_SALES_PER_PUSH);
    await h.deliver(rows());
    expect(h.batch).toBe(MAX_SALES_PER_PUSH / 2);
    await h.deliver(rows());
    expect(h.batch).toBe(MAX_SALES_PER_PUSH / 4);
    await h.deliver(rows());
    expect(h.batch).toBe(MAX_SALES_PER_PUSH / 4);
    const answers = await h.deliver(rows());
    expect([...answers.values()].every((a) => a.kind === 'ok')).toBe(true);
    expect(h.batch).toBe(MAX_SALES_PER_PUSH / 2);

    const slow = headOfficeHandler({ db, config: { currencyDecimals: 0 } }, headOffice(Array.from({ length: 20 }, () => timeout)).port);
    for (let i = 0; i < 20; i++) await slow.deliver(rows());
    expect(slow.batch).toBe(MIN_SALES_PER_PUSH);
  });

  it('finds due messages through the outbox_due index, with no sort of the whole backlog', () => {
    withSales(3);
    const seen: string[] = [];
    const spy: ReadDb = { ...db.read, name: db.read.name, open: true, readonly: true, inTransaction: false, prepare: (sql: string) => { seen.push(sql); return db.read.prepare(sql); } } as ReadDb;
    expect(dueRows(spy, new Date().toISOString(), 500)).toHaveLength(3);
    const plan = (db.read.prepare(`EXPLAIN QUERY PLAN ${seen[0]!}`).all(new Date().toISOString(), 500) as { detail: string }[]).map((r) => r.detail);
    expect(plan).toContain('SEARCH o USING INDEX outbox_due (status=? AND next_attempt_at<?)');
    expect(plan.some((d) => d.includes('TEMP B-TREE'))).toBe(false);
  });

  it('"sync now" makes due what was waiting and leaves what was already due as it was', () => {
    withSales(2);
    const [a, b] = dueRows(db.read, new Date().toISOString(), 10);
    const dueSince = a!.next_attempt_at;
    markRetry(db.write, b!.id, 'timeout', '2999-01-01T00:00:00.000Z');
    const now = new Date(Date.now() + 1000).toISOString();
    makeDueNow(db.write, now);
    expect(getRow(db.read, a!.id)!.next_attempt_at).toBe(dueSince);
    expect(getRow(db.read, b!.id)!.next_attempt_at).toBe(now);
    expect(dueRows(db.read, now, 10).map((r) => r.id)).toEqual([a!.id, b!.id]);
  });
});
