// The ledger in PostgreSQL against what the counters sent: every sale exactly once, under the
// counter that sent it, in its newest version (the whole record as the counter holds it), no row
// nobody sent, each sale's delivery count within what the plan and the unanswered requests allow,
// and each counter's totals (sales, sum of charged minor units) equal to its own.
import { isDeepStrictEqual } from 'node:util';
import type pg from 'pg';
import type { NewCounter } from '../../../head-office/counters';
import type { Sale } from '../../../preload/contract';
import type { CounterPlan } from './plan';

export interface LedgerVerdict {
  exact: boolean;
  /** Sales in the ledger from these counters. */
  sales: number;
  /** Deliveries the ledger counted beyond the first of each sale. */
  duplicatesAbsorbed: number;
  /** What differs (at most a few examples per kind). */
  problems: string[];
}

interface Row { sale_id: string; counter_id: string; record: Sale; delivery_count: number }
interface Total { counter_id: string; n: number; charged: string }

export async function checkLedger(pool: pg.Pool, counters: readonly NewCounter[], plans: readonly CounterPlan[], mayHaveArrived: ReadonlyMap<string, number>): Promise<LedgerVerdict> {
  const problems: string[] = [];
  const note = (kind: string, what: string) => {
    const seen = problems.filter((p) => p.startsWith(kind)).length;
    if (seen < 5) problems.push(`${kind}: ${what}`);
    else if (seen === 5) problems.push(`${kind}: …`);
  };
  const ids = counters.map((c) => c.id);
  const rows = (await pool.query<Row>('SELECT sale_id, counter_id, record, delivery_count FROM sales WHERE counter_id = ANY($1::bigint[])', [ids])).rows;
  const byId = new Map<string, Row>();
  for (const r of rows) {
    if (byId.has(r.sale_id)) note('twice', r.sale_id);
    byId.set(r.sale_id, r);
  }

  let expectedSales = 0;
  let absorbed = 0;
  counters.forEach((c, i) => {
    const plan = plans[i]!;
    for (const s of plan.newest) {
      expectedSales++;
      const r = byId.get(s.id);
      if (!r) { note('missing', `${c.name} ${s.id}`); continue; }
      byId.delete(s.id);
      if (Number(r.counter_id) !== c.id) note('wrong counter', `${s.id} under counter ${r.counter_id}, sent by ${c.id}`);
      if (!isDeepStrictEqual(r.record, s)) note('not the newest version', `${s.id}: status ${r.record.status} updated ${r.record.updatedAt}, counter has ${s.status} updated ${s.updatedAt}`);
      const planned = plan.deliveries.get(s.id) ?? 0;
      const most = planned + (mayHaveArrived.get(s.id) ?? 0);
      if (r.delivery_count < planned || r.delivery_count > most) note('delivery count', `${s.id}: ${r.delivery_count}, sent ${planned} times acknowledged and ${most - planned} unanswered`);
      absorbed += r.delivery_count - 1;
    }
  });
  for (const r of byId.values()) note('nobody sent', `${r.sale_id} under counter ${r.counter_id}`);

  // The totals as the ledger's own columns add them up, per counter, against the counters' own.
  const totals = (await pool.query<Total>(
    `SELECT counter_id, count(*)::int AS n, sum(charged_minor)::text AS charged FROM sales
      WHERE counter_id = ANY($1::bigint[]) GROUP BY counter_id`, [ids])).rows;
  const got = new Map(totals.map((t) => [Number(t.counter_id), t]));
  counters.forEach((c, i) => {
    const newest = plans[i]!.newest;
    const own = { n: newest.length, charged: String(newest.reduce((sum, s) => sum + BigInt(s.chargedMinor), 0n)) };
    const t = got.get(c.id);
    if (!t || t.n !== own.n || t.charged !== own.charged) {
      note('totals', `${c.name}: ledger ${t ? `${t.n} sales, ${t.charged}` : 'nothing'}; counter ${own.n} sales, ${own.charged}`);
    }
  });
  return { exact: problems.length === 0 && rows.length === expectedSales, sales: rows.length, duplicatesAbsorbed: absorbed, problems };
}
