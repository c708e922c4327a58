// A payment on a credit-mode Acrel meter settles the account at the counter AND is paid into the
// meter's cloud balance (rechargeBalance, the sale id as Idempotency-Key), so the cloud's balance
// agrees with the counter and the meter can draw again. The sale is already `issued` (the account
// was settled in the paid transaction): delivering this message never changes the sale; a refusal
// is audited and lands in the dead-letter list for a supervisor.
import type { WriteDb } from '../../db/open';
import type { MeterRecord } from '../../db/repos/meters';
import { enqueue } from '../../db/repos/outbox';
import { appendAudit } from '../audit/append';
import type { Delivery, TopicHandler } from '../outbox/worker';
import type { AcrelPort } from './deliveries';
import type { SalesDeps } from './ports';

export const SETTLE_TOPIC = 'acrel.settle';

/** Inside the paid transaction, before any reconnect it causes (same per-meter order key). */
export function enqueueCloudSettlement(w: WriteDb, meter: MeterRecord, saleId: string, amountMinor: number, at: string): void {
  if (meter.kind !== 'acrel' || meter.paymentMode !== 'credit' || amountMinor <= 0) return;
  enqueue(w, { topic: SETTLE_TOPIC, key: saleId, saleId, payload: { meterNumber: meter.number, amountMinor }, at, orderKey: `meter:${meter.number}` });
}

export function acrelSettleHandler(deps: Pick<SalesDeps, 'db'>, acrel: AcrelPort): TopicHandler {
  const audit = (saleId: string | null, action: string, details: Record<string, unknown>, at: string) =>
    appendAudit(deps.db.write, { at, userId: null, action, entity: 'sale', entityId: saleId ?? undefined, details });
  return {
    batch: 1,
    async deliver(rows) {
      const out = new Map<number, Delivery>();
      for (const row of rows) {
        const p = JSON.parse(row.payload_json) as { meterNumber: string; amountMinor: number };
        out.set(row.id, await acrel.rechargeBalance({ ...p, idempotencyKey: row.key }));
      }
      return out;
    },
    onDone(row, value, at) {
      const v = value as { balanceMinor: number; vendorRef: string };
      audit(row.sale_id, 'sale.cloud_settled', { vendorRef: v.vendorRef, balanceMinor: v.balanceMinor }, at);
    },
    onDead(row, refusal, at) {
      audit(row.sale_id, 'sale.cloud_settle_refused', { code: refusal.code }, at);
    },
  };
}
