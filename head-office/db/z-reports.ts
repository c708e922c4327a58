// Z reports as the counters close them: one per counter and Z number. A delivery is one
// INSERT ... ON CONFLICT: the first stores it, a repeat of the same report (same hash) counts, and
// a different report under a number already stored changes nothing and is reported to the caller.
import type pg from 'pg';

type Queryable = Pick<pg.Pool, 'query'>;

export interface ZReportRow {
  zNo: number; hash: string; reportJson: string; closedAt: string; cashier: string; currency: string;
  expectedCashMinor: number; countedCashMinor: number; varianceMinor: number; salesCount: number; chargedMinor: number;
}

/** 'new' or 'repeat'; 'changed' when another report is stored under this counter's Z number. */
export async function storeZReport(db: Queryable, counterId: number, z: ZReportRow): Promise<'new' | 'repeat' | 'changed'> {
  const r = await db.query<{ inserted: boolean }>(
    `INSERT INTO z_reports (counter_id, z_no, hash, report_json, closed_at, cashier, currency, expected_cash_minor, counted_cash_minor,
       variance_minor, sales_count, charged_minor, first_received_at, last_received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, clock_timestamp(), clock_timestamp())
     ON CONFLICT (counter_id, z_no) DO UPDATE
       SET delivery_count = z_reports.delivery_count + 1,
           last_received_at = GREATEST(z_reports.last_received_at, EXCLUDED.last_received_at)
       WHERE z_reports.hash = EXCLUDED.hash
     RETURNING (xmax = 0) AS inserted`,
    [counterId, z.zNo, z.hash, z.reportJson, z.closedAt, z.cashier, z.currency, z.expectedCashMinor, z.countedCashMinor, z.varianceMinor, z.salesCount, z.chargedMinor],
  );
  if (r.rows.length === 0) return 'changed';
  return r.rows[0]!.inserted ? 'new' : 'repeat';
}
