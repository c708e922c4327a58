// How each simulated counter delivers its sales: batches in the protocol's sizes, with the
// duplicates a counter's outbox really produces — a batch sent again whole (its answer was lost
// before the outbox marked it done), a sale carried by two batches (pushed, then pushed again with
// the next backlog), and older versions of a sale arriving before or AFTER its newest (a status
// change pushed while an earlier push was still being retried). No batch carries one sale twice,
// so the bare baseline can take the same batches as they are.
import { MAX_SALES_PER_PUSH } from '../../../main/vendors/head-office/wire';
import type { Sale } from '../../../preload/contract';
import type { CounterSales } from './sales';

export interface PlanOptions {
  /** Largest batch; sizes are drawn between a twentieth of it and it. At most the protocol's 500. */
  maxBatch: number;
  /** Share of batches sent a second time, later. */
  resendShare: number;
  /** Share of sales whose newest version a second batch carries too. */
  twiceShare: number;
}

export interface CounterPlan {
  batches: Sale[][];
  /** The newest version of each of the counter's sales: what its ledger must hold. */
  newest: Sale[];
  /** How many times the plan carries each sale id (any version). */
  deliveries: Map<string, number>;
}

export function planDeliveries(sales: CounterSales, o: PlanOptions, rnd: () => number): CounterPlan {
  const max = Math.min(MAX_SALES_PER_PUSH, o.maxBatch);
  const min = Math.max(1, Math.ceil(max / 20));
  const batches: Sale[][] = [];
  for (let i = 0; i < sales.newest.length; ) {
    const size = min + Math.floor(rnd() * (max - min + 1));
    batches.push(sales.newest.slice(i, i + size));
    i += size;
  }
  const ids = batches.map((b) => new Set(b.map((s) => s.id)));
  /** Puts `s` into a random batch that has room and does not carry its id yet (a new one at the end if none). */
  const addSomewhere = (s: Sale) => {
    for (let tries = 0; tries < 8; tries++) {
      const k = Math.floor(rnd() * batches.length);
      if (batches[k]!.length < max && !ids[k]!.has(s.id)) {
        batches[k]!.splice(Math.floor(rnd() * (batches[k]!.length + 1)), 0, s);
        ids[k]!.add(s.id);
        return;
      }
    }
    batches.push([s]);
    ids.push(new Set([s.id]));
  };
  // Older versions land in any batch: before the newest (in order) or after it (late, older).
  for (const older of sales.older.values()) addSomewhere(older);
  for (const s of sales.newest) if (rnd() < o.twiceShare) addSomewhere(s);
  // Whole batches sent again, each at a random later point of the counter's sequence.
  // again[j]: the batches sent again right after original batch j (j ≥ the batch's own index).
  const again: Sale[][][] = batches.map(() => []);
  batches.forEach((b, k) => {
    if (rnd() < o.resendShare) again[k + Math.floor(rnd() * (batches.length - k))]!.push(b);
  });
  const sequence = batches.flatMap((b, k) => [b, ...again[k]!]);
  const deliveries = new Map<string, number>();
  for (const b of sequence) for (const s of b) deliveries.set(s.id, (deliveries.get(s.id) ?? 0) + 1);
  return { batches: sequence, newest: sales.newest, deliveries };
}
