// The ledger on a real PostgreSQL, fed by the counters' own client (main/vendors/head-office/
// client.ts): every sale one row however many times and however concurrently it arrives, each
// delivery counted, the newest version kept whatever order the versions arrive in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewCounter } from '../../../head-office/counters';
import { createHeadOfficeClient } from '../../../main/vendors/head-office/client';
import { signedHeaders } from '../../../main/vendors/signing';
import type { Sale } from '../../../preload/contract';
import { startTestHeadOffice, type TestHeadOffice } from '../../helpers/head-office';
import { usePostgres } from '../../helpers/postgres';
import { laterVersion, sale } from './sales-fixture';

const postgres = usePostgres();
let ho: TestHeadOffice;
let counter: NewCounter;
beforeAll(async () => {
  ho = await startTestHeadOffice(await postgres.freshDatabase(), { poolSize: 12 });
  counter = await ho.addCounter('Counter 1');
});
afterAll(() => ho?.close());

interface Row { status: string; delivery_count: number; record: Sale; charged_minor: string; counter_id: string }
const rowOf = async (id: string): Promise<Row | undefined> =>
  (await ho.pool.query<Row>('SELECT status, delivery_count, record, charged_minor, counter_id FROM sales WHERE sale_id = $1', [id])).rows[0];

/** A small seeded generator: the same interleaving on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the ledger', () => {
  it('stores a sale once and counts each delivery, as the simulator does', async () => {
    const c = createHeadOfficeClient(ho.endpoint(counter));
    const a = sale({ chargedMinor: 2_500_000_000_00, amountMinor: 2_500_000_000_00, valueMinor: 2_500_000_000_00 });
    const b = sale({ receiptNo: 2 });
    expect(await c.pushSales([a, b])).toEqual({ kind: 'ok', value: { accepted: [a.id, b.id], rejected: [] } });
    expect(await c.pushSales([a])).toEqual({ kind: 'ok', value: { accepted: [a.id], rejected: [] } });
    expect(await rowOf(a.id)).toMatchObject({ delivery_count: 2, record: a, charged_minor: '250000000000', counter_id: String(counter.id) });
    expect(await rowOf(b.id)).toMatchObject({ delivery_count: 1, record: b });
  });

  it('keeps the newest version when an older one arrives late, and counts it', async () => {
    const c = createHeadOfficeClient(ho.endpoint(counter));
    const pending = sale({ status: 'pending', token: null, vendorRef: null });
    const issued = laterVersion(pending, 5, { status: 'issued', token: '11112222333344445555' });
    await c.pushSales([issued]);
    await c.pushSales([pending]);
    expect(await rowOf(pending.id)).toMatchObject({ status: 'issued', delivery_count: 2, record: issued });
    const failed = laterVersion(issued, 1, { status: 'failed' });
    await c.pushSales([failed]);
    expect(await rowOf(pending.id)).toMatchObject({ status: 'failed', delivery_count: 3, record: failed });
  });

  it('takes a sale carried twice in one batch once, newest version, counted twice', async () => {
    const c = createHeadOfficeClient(ho.endpoint(counter));
    const paid = sale({ status: 'paid', token: null });
    const issued = laterVersion(paid, 2, { status: 'issued' });
    expect(await c.pushSales([issued, paid])).toEqual({ kind: 'ok', value: { accepted: [issued.id, paid.id], rejected: [] } });
    expect(await rowOf(paid.id)).toMatchObject({ status: 'issued', delivery_count: 2 });
  });

  it('rejects an invalid record with its reasons and stores the rest of the batch', async () => {
    const good = sale();
    const bad = { ...sale(), amountMinor: 10.5, status: 'refunded' } as unknown as Sale;
    const o = await createHeadOfficeClient(ho.endpoint(counter)).pushSales([good, bad, { nothing: true } as unknown as Sale]);
    expect(o.kind).toBe('ok');
    if (o.kind !== 'ok') return;
    expect(o.value.accepted).toEqual([good.id]);
    expect(o.value.rejected).toEqual([
      { id: bad.id, error: { code: 'INVALID_SALE', message: { en: 'Invalid sale record: amountMinor, status', ar: 'سجل بيع غير صالح: amountMinor, status' } } },
      { id: null, error: expect.objectContaining({ code: 'INVALID_SALE' }) },
    ]);
    expect(await rowOf(bad.id)).toBeUndefined();
    expect(await rowOf(good.id)).toMatchObject({ delivery_count: 1 });
  });

  it("refuses a sale id another counter already holds, leaving that counter's record untouched", async () => {
    const mine = sale();
    await createHeadOfficeClient(ho.endpoint(counter)).pushSales([mine]);
    const intruder = await ho.addCounter('Counter with a colliding id');
    const forged = laterVersion(mine, 10, { chargedMinor: 1 });
    const o = await createHeadOfficeClient(ho.endpoint(intruder)).pushSales([forged]);
    expect(o).toMatchObject({ kind: 'ok', value: { accepted: [], rejected: [{ id: mine.id, error: { code: 'SALE_ID_TAKEN' } }] } });
    expect(await rowOf(mine.id)).toMatchObject({ delivery_count: 1, record: mine, counter_id: String(counter.id) });
  });

  it('lists only the asking counter its own sales, a page at a time', async () => {
    const lister = await ho.addCounter('Lister');
    const mine = Array.from({ length: 7 }, (_, i) => sale({ receiptNo: i + 1 }));
    await createHeadOfficeClient(ho.endpoint(lister)).pushSales(mine);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const path: string = `/api/v1/sales?limit=3${after ? `&after=${after}` : ''}`;
      const headers = signedHeaders({ ...lister, merchantId: null }, { method: 'GET', path, body: '' });
      const page = (await (await fetch(`${ho.url}${path}`, { headers })).json()) as { sales: { sale: Sale; receivedCount: number }[]; next: string | null };
      seen.push(...page.sales.map((s) => s.sale.id));
      expect(page.sales.every((s) => s.receivedCount === 1)).toBe(true);
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toEqual(mine.map((s) => s.id).sort());
  });

  it('makes one row per sale from concurrent duplicate deliveries by several clients, newest version kept', async () => {
    const rnd = prng(17);
    const counters: NewCounter[] = [];
    for (const i of [1, 2, 3]) counters.push(await ho.addCounter(`Busy counter ${i}`));
    const CLIENTS_PER_COUNTER = 3;
    const SALES_PER_COUNTER = 150;
    // Each counter's sales in three versions (paid → pending → issued), each delivered 2 to 5
    // times in all, the newest at least once, by any of the counter's clients, in any order.
    const expected = new Map<string, { newest: Sale; deliveries: number; counterId: number }>();
    const work: { counter: NewCounter; client: number; sale: Sale }[] = [];
    for (const ctr of counters) {
      for (let i = 0; i < SALES_PER_COUNTER; i++) {
        const paid = sale({ receiptNo: i + 1, status: 'paid', token: null, chargedMinor: 1_000 + i, amountMinor: 1_000 + i, valueMinor: 1_000 + i });
        const versions = [paid, laterVersion(paid, 1, { status: 'pending' }), laterVersion(paid, 2, { status: 'issued', token: '98765432109876543210' })];
        const times = 2 + Math.floor(rnd() * 4);
        const picks = [2, ...Array.from({ length: times - 1 }, () => Math.floor(rnd() * 3))];
        for (const v of picks) work.push({ counter: ctr, client: Math.floor(rnd() * CLIENTS_PER_COUNTER), sale: versions[v]! });
        expected.set(paid.id, { newest: versions[2]!, deliveries: times, counterId: ctr.id });
      }
    }
    for (let i = work.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [work[i], work[j]] = [work[j]!, work[i]!];
    }
    // Batches of up to 40 per (counter, client), all sent at once.
    const pushes: Promise<unknown>[] = [];
    const notOk: unknown[] = [];
    for (const ctr of counters) {
      for (let k = 0; k < CLIENTS_PER_COUNTER; k++) {
        const client = createHeadOfficeClient(ho.endpoint(ctr));
        const mine = work.filter((w) => w.counter === ctr && w.client === k).map((w) => w.sale);
        for (let i = 0; i < mine.length; i += 40) {
          const batch = mine.slice(i, i + 40);
          pushes.push(client.pushSales(batch).then((o) => {
            if (o.kind !== 'ok') notOk.push(o);
            else expect(o.value).toEqual({ accepted: batch.map((s) => s.id), rejected: [] });
          }));
        }
      }
    }
    await Promise.all(pushes);
    expect(notOk).toEqual([]);

    const ids = [...expected.keys()];
    const rows = await ho.pool.query<{ sale_id: string; delivery_count: number; record: Sale; counter_id: string }>(
      'SELECT sale_id, delivery_count, record, counter_id FROM sales WHERE sale_id = ANY($1::uuid[])', [ids]);
    expect(rows.rows).toHaveLength(ids.length);
    for (const r of rows.rows) {
      const e = expected.get(r.sale_id)!;
      expect({ id: r.sale_id, n: r.delivery_count, record: r.record, counter: Number(r.counter_id) })
        .toEqual({ id: r.sale_id, n: e.deliveries, record: e.newest, counter: e.counterId });
    }
    // The ledger's totals per counter are the counters' own.
    const totals = await ho.pool.query<{ counter_id: string; n: number; charged: string; deliveries: string }>(
      `SELECT counter_id, count(*)::int AS n, sum(charged_minor)::text AS charged, sum(delivery_count)::text AS deliveries
         FROM sales WHERE counter_id = ANY($1::bigint[]) GROUP BY counter_id ORDER BY counter_id`, [counters.map((c) => c.id)]);
    expect(totals.rows).toEqual(counters.map((c) => {
      const mine = [...expected.values()].filter((e) => e.counterId === c.id);
      return {
        counter_id: String(c.id),
        n: SALES_PER_COUNTER,
        charged: String(mine.reduce((s, e) => s + e.newest.chargedMinor, 0)),
        deliveries: String(mine.reduce((s, e) => s + e.deliveries, 0)),
      };
    }));
  });
});
