// The outbox topics that belong to sales, and what a delivered or refused message means for
// the sale it carries. The worker settles the message and the sale in one transaction.
import type { Sale } from '../../preload/contract';
import type { OutboxRow } from '../../db/repos/outbox';
import { getSale, saleStatus } from '../../db/repos/sales';
import { recordSaleOutcomeOrHold } from './outcome';
import type { TopicHandler, Delivery } from '../outbox/worker';
import type { VendorOutcome } from '../vendors/outcome';
import { appendAudit } from '../audit/append';
import { setOutcome } from '../../db/repos/sales';
import type { SalesDeps, StsVerify } from './ports';

export interface AcrelPort {
  rechargeBalance(i: { meterNumber: string; amountMinor: number; idempotencyKey: string }): Promise<VendorOutcome<{ balanceMinor: number; vendorRef: string }>>;
}
export interface HeadOfficePort {
  pushSales(sales: Sale[]): Promise<VendorOutcome<{ accepted: string[]; rejected?: { id: string | null; error: { code: string; message: { ar: string; en: string } } }[] }>>;
}

function recordOutcome(deps: Pick<SalesDeps, 'db'>, row: OutboxRow, at: string, o: Parameters<typeof setOutcome>[2]) {
  if (!row.sale_id) return;
  // Only a sale still waiting for its answer takes it: a failed sale's money was handed back, so a
  // recharge sent again later (a dead letter retried) must not turn it into a sale.
  const status = saleStatus(deps.db.write, row.sale_id);
  if (status !== 'paid' && status !== 'pending' && status !== 'unknown') return;
  if (!recordSaleOutcomeOrHold(deps.db.write, row.sale_id, o, at, null, row.topic)) return; // a TID clash: held unknown
  appendAudit(deps.db.write, { at, userId: null, action: `sale.${o.status}`, entity: 'sale', entityId: row.sale_id, details: { via: row.topic } });
}

export function acrelRechargeHandler(deps: Pick<SalesDeps, 'db'>, acrel: AcrelPort): TopicHandler {
  return {
    batch: 1,
    async deliver(rows) {
      const out = new Map<number, Delivery>();
      for (const row of rows) {
        // The sale failed (its money was handed back): sending the credit now would give it away.
        if (row.sale_id && saleStatus(deps.db.read, row.sale_id) === 'failed') {
          out.set(row.id, { kind: 'refused', code: 'SALE_FAILED', message: {
            en: 'This sale has failed and its money was returned: the credit is not sent. Make a new sale if the customer pays again.',
            ar: 'فشلت هذه العملية وأُعيد مبلغها: لن يُرسل الرصيد. أجرِ عملية بيع جديدة إذا دفع العميل مرة أخرى.',
          } });
          continue;
        }
        const p = JSON.parse(row.payload_json) as { meterNumber: string; amountMinor: number };
        out.set(row.id, await acrel.rechargeBalance({ ...p, idempotencyKey: row.key }));
      }
      return out;
    },
    onDone(row, value, at) {
      recordOutcome(deps, row, at, { status: 'issued', vendorRef: (value as { vendorRef: string }).vendorRef, errorCode: null, errorMessage: null });
    },
    onDead(row, refusal, at) {
      recordOutcome(deps, row, at, { status: 'failed', errorCode: refusal.code, errorMessage: refusal.message });
    },
  };
}

/**
 * Resolves an `unknown` STS sale by asking the vendor about the same key: never by vending again.
 * "Not found" is believed only once the original request can no longer be acted on (the vendor
 * refuses requests older than its signature window): until then it may still be in flight.
 */
export function stsVerifyHandler(deps: Pick<SalesDeps, 'db' | 'sts' | 'now' | 'config'>): TopicHandler {
  return {
    batch: 1,
    priority: 1, // unknown outcomes are resolved before anything else is sent
    async deliver(rows) {
      const out = new Map<number, Delivery>();
      for (const row of rows) {
        // Settled meanwhile (a late answer, a local token): nothing to ask.
        if (saleStatus(deps.db.read, row.sale_id ?? '') !== 'unknown') {
          out.set(row.id, { kind: 'ok', value: null });
          continue;
        }
        const res = await deps.sts.verifyCharge({ idempotencyKey: row.key });
        const sale = getSale(deps.db.read, row.sale_id ?? '');
        // From the moment the sale was paid (the first charge attempt), not its last update: a
        // print retry must not push the window back.
        const settledAt = sale ? new Date(sale.createdAt).getTime() + deps.config.unknownGraceMs : 0;
        if (res.kind === 'ok' && !res.value.found && deps.now().getTime() < settledAt) {
          out.set(row.id, { kind: 'unknown', reason: 'the vendor has no record yet; the original request may still be in flight' });
        } else {
          out.set(row.id, res);
        }
      }
      return out;
    },
    onDone(row, value, at) {
      const v = value as StsVerify | null;
      if (v === null || saleStatus(deps.db.write, row.sale_id ?? '') !== 'unknown') return;
      if (v.found) {
        recordOutcome(deps, row, at, { status: 'issued', token: v.token, tokenSource: 'vendor', tid: v.tid, vendorRef: v.vendorRef, errorCode: null, errorMessage: null });
      } else {
        recordOutcome(deps, row, at, {
          status: 'failed', errorCode: 'NOT_VENDED',
          errorMessage: { en: 'The vendor confirmed no token was issued for this sale. Return the money to the customer.', ar: 'أكد المزود أنه لم يصدر رمز لهذه العملية. أعد المبلغ للعميل.' },
        });
      }
    },
  };
}

export function headOfficeHandler(deps: Pick<SalesDeps, 'db'>, headOffice: HeadOfficePort): TopicHandler {
  return {
    batch: 50,
    async deliver(rows) {
      const sales = rows.map((r) => getSale(deps.db.read, r.sale_id ?? '')).filter((s): s is Sale => s !== null);
      const res = await headOffice.pushSales(sales);
      const out = new Map<number, Delivery>();
      for (const r of rows) {
        const rejected = res.kind === 'ok' ? res.value.rejected?.find((x) => x.id === r.sale_id) : undefined;
        if (res.kind !== 'ok') out.set(r.id, res);
        else if (res.value.accepted.includes(r.sale_id ?? '')) out.set(r.id, { kind: 'ok', value: null });
        else if (rejected) out.set(r.id, { kind: 'refused', code: rejected.error.code, message: rejected.error.message });
        else out.set(r.id, { kind: 'unknown', reason: 'head office did not acknowledge this sale' });
      }
      return out;
    },
  };
}
