// One POST /api/v1/sales: each record validated on its own against the shared SaleSchema (the
// simulator's rules, test/sim/head-office.ts), the valid ones stored by one upsert, and the answer
// the counter's outbox reads: `accepted` ids are stored, `rejected` ones never will be as sent.
import type pg from 'pg';
import { PushedSaleSchema, type PushSalesResult } from '../main/vendors/head-office/wire';
import type { Sale } from '../preload/contract';
import { upsertSales, type BatchSale } from './db/sales';
import type { ErrorDetail } from './errors';

type Rejected = { id: string | null; error: ErrorDetail };

/** PostgreSQL's deadlock_detected: cannot happen between two batches (rows go in sale-id order), retried if it does. */
const DEADLOCK = '40P01';

export async function ingestSales(pool: pg.Pool, counterId: number, records: readonly unknown[]): Promise<PushSalesResult> {
  const rejected: Rejected[] = [];
  const valid: Sale[] = [];
  for (const raw of records) {
    const s = PushedSaleSchema.safeParse(raw);
    if (s.success) {
      valid.push(s.data);
      continue;
    }
    const id = typeof (raw as { id?: unknown } | null)?.id === 'string' ? (raw as { id: string }).id : null;
    const fields = s.error.issues.map((i) => i.path.join('.')).join(', ');
    rejected.push({ id, error: { code: 'INVALID_SALE', message: { en: `Invalid sale record: ${fields}`, ar: `سجل بيع غير صالح: ${fields}` } } });
  }

  // One row per sale id in the statement (PostgreSQL refuses to update a row twice in one
  // INSERT ... ON CONFLICT): the newest version of a sale the batch carries twice, counted twice.
  const distinct = new Map<string, BatchSale>();
  for (const sale of valid) {
    const seen = distinct.get(sale.id);
    if (!seen) distinct.set(sale.id, { sale, deliveries: 1 });
    else {
      seen.deliveries += 1;
      if (Date.parse(sale.updatedAt) >= Date.parse(seen.sale.updatedAt)) seen.sale = sale;
    }
  }

  let stored: Set<string>;
  for (let attempt = 1; ; attempt++) {
    try {
      stored = await upsertSales(pool, counterId, [...distinct.values()]);
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== DEADLOCK || attempt >= 3) throw err;
    }
  }

  const accepted: string[] = [];
  for (const sale of valid) {
    if (stored.has(sale.id)) accepted.push(sale.id);
    else {
      rejected.push({
        id: sale.id,
        error: {
          code: 'SALE_ID_TAKEN',
          message: { en: `Sale ${sale.id} is already recorded from another counter`, ar: `البيع ${sale.id} مسجل من نقطة بيع أخرى` },
        },
      });
    }
  }
  return { accepted, rejected };
}
