// The console's sales search across counters: every SQL statement of it. Newest first, paged by
// the keyset (sold_at, sale_id) — never OFFSET, which rereads every skipped row and shifts when
// sales arrive between pages. The indexes are migration 0006's sales_by_*.
import type pg from 'pg';

type Queryable = Pick<pg.Pool, 'query'>;

export interface SalesFilter {
  counterId: number | null;
  meterNumber: string | null;
  receiptNo: number | null;
  status: string | null;
  /** Sold at or after (inclusive). */
  from: Date | null;
  /** Sold before (exclusive). */
  to: Date | null;
}

/** Where the previous page ended: its last row's sold_at (microseconds since 1970, PostgreSQL's precision) and id. */
export interface SalesKey {
  soldAtMicros: bigint;
  saleId: string;
}

export interface FoundSale {
  saleId: string;
  counterId: number;
  counterName: string;
  receiptNo: number;
  status: string;
  product: string;
  paymentMethod: string;
  cashier: string;
  meterNumber: string;
  currency: string;
  chargedMinor: number;
  energyTenths: number | null;
  soldAt: Date;
  key: SalesKey;
}

interface Raw {
  sale_id: string;
  counter_id: string;
  counter_name: string;
  receipt_no: number;
  status: string;
  product: string;
  payment_method: string;
  cashier: string;
  meter_number: string;
  currency: string;
  charged_minor: string;
  energy_tenths: string | null;
  sold_at: Date;
  sold_at_us: string;
}

/** A page of sales matching `f`, after `after`, newest first; `limit` rows at most. */
export async function searchSales(db: Queryable, f: SalesFilter, after: SalesKey | null, limit: number): Promise<FoundSale[]> {
  const r = await db.query<Raw>(
    `SELECT s.sale_id, s.counter_id, c.name AS counter_name, s.receipt_no, s.status, s.product, s.payment_method, s.cashier,
            s.meter_number, s.currency, s.charged_minor, s.energy_tenths, s.sold_at,
            (extract(epoch FROM s.sold_at) * 1000000)::bigint AS sold_at_us
       FROM sales s JOIN counters c ON c.id = s.counter_id
      WHERE ($1::bigint IS NULL OR s.counter_id = $1)
        AND ($2::text IS NULL OR s.meter_number = $2)
        AND ($3::integer IS NULL OR s.receipt_no = $3)
        AND ($4::text IS NULL OR s.status = $4)
        AND ($5::timestamptz IS NULL OR s.sold_at >= $5)
        AND ($6::timestamptz IS NULL OR s.sold_at < $6)
        AND ($7::bigint IS NULL OR (s.sold_at, s.sale_id) < (timestamptz 'epoch' + $7::bigint * interval '1 microsecond', $8::uuid))
      ORDER BY s.sold_at DESC, s.sale_id DESC
      LIMIT $9`,
    [f.counterId, f.meterNumber, f.receiptNo, f.status, f.from, f.to, after?.soldAtMicros.toString() ?? null, after?.saleId ?? null, limit],
  );
  return r.rows.map((x) => ({
    saleId: x.sale_id, counterId: Number(x.counter_id), counterName: x.counter_name, receiptNo: x.receipt_no, status: x.status,
    product: x.product, paymentMethod: x.payment_method, cashier: x.cashier, meterNumber: x.meter_number, currency: x.currency,
    chargedMinor: Number(x.charged_minor), energyTenths: x.energy_tenths === null ? null : Number(x.energy_tenths), soldAt: x.sold_at,
    key: { soldAtMicros: BigInt(x.sold_at_us), saleId: x.sale_id },
  }));
}
