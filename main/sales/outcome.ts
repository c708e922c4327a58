// The one way a sale takes its outcome, whichever path decided it (the sell call, the late
// answer, local vending, the outbox). A failed sale is money handed back, so the debt it had
// recovered from the meter is given back in the same transaction.
import type Database from 'better-sqlite3';
import type { Quote } from '../../preload/contract';
import { findMeter, restoreDebt } from '../../db/repos/meters';
import { setOutcome, type Outcome } from '../../db/repos/sales';
import { stmt } from '../../db/repos/stmt';
import { appendAudit } from '../audit/append';
import { afterDebtChange } from './meter-commands';

/** Call inside the caller's transaction. */
export function recordSaleOutcome(w: Database.Database, saleId: string, o: Outcome, at: string, userId: number | null): void {
  setOutcome(w, saleId, o, at);
  if (o.status !== 'failed') return;
  const row = stmt(w, 'SELECT meter_id, meter_number, user_id, quote_json FROM sales WHERE id = ?').get(saleId) as
    { meter_id: number; meter_number: string; user_id: number; quote_json: string } | undefined;
  const recovered = row ? ((JSON.parse(row.quote_json) as Quote).debt?.recoveredMinor ?? 0) : 0;
  if (!row || recovered <= 0) return;
  restoreDebt(w, row.meter_id, recovered);
  const meter = findMeter(w, row.meter_number);
  appendAudit(w, { at, userId, action: 'meter.debt_restored', entity: 'meter', entityId: row.meter_number, details: { saleId, restoredMinor: recovered } });
  // A command the worker causes is credited to the cashier who made the sale.
  if (meter) afterDebtChange(w, meter, meter.debtMinor, at, userId ?? row.user_id);
}
