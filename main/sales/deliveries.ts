// The outbox topics that belong to sales, and what a delivered or refused message means for
// the sale it carries. The worker settles the message and the sale in one transaction.
import type { Sale } from '../../preload/contract';
import type { OutboxRow } from '../../db/repos/outbox';
import { getSale, getSales, saleStatus, unknownSalesCount } from '../../db/repos/sales';
import { recordSaleOutcomeOrHold } from './outcome';
import type { TopicHandler, Delivery } from '../outbox/worker';
import { neverArrived, type VendorOutcome } from '../vendors/outcome';
import { MAX_SALES_PER_PUSH, type PushAlong } from '../vendors/head-office/wire';
import { pendingCount } from '../../db/repos/outbox';
import { appendAudit } from '../audit/append';
import { setOutcome, setSaleError } from '../../db/repos/sales';
import { chargeMismatch } from './vendor-match';
import { issuedByVendor } from './issue-late';
import type { SalesDeps, StsVerify } from './ports';

export interface AcrelPort {
  rechargeBalance(i: { meterNumber: string; amountMinor: number; idempotencyKey: string }): Promise<VendorOutcome<{ balanceMinor: number; vendorRef: string }>>;
}
export interface HeadOfficePort {
  pushSales(sales: Sale[], along?: PushAlong): Promise<VendorOutcome<{ accepted: string[]; rejected?: { id: string | null; error: { code: string; message: { ar: string; en: string } } }[] }>>;
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

const NOT_VENDED = { en: 'The vendor confirmed no token was issued for this sale. Return the money to the customer.', ar: 'أكد المزود أنه لم يصدر رمز لهذه العملية. أعد المبلغ للعميل.' };
const NEVER_SENT = { en: 'The request for this sale never left the counter, so no token was issued. Return the money to the customer.', ar: 'لم يغادر طلب هذه العملية المركز، فلم يصدر أي رمز. أعد المبلغ للعميل.' };

/**
 * Resolves an `unknown` STS sale by asking the vendor about the same key: never by vending again.
 * The invariant: a sale is never failed (money handed back) while any request carrying
 * its key could still be accepted. The attempt ledger knows every attempt, written before it was
 * sent, and where it went; so:
 * - no attempt that may have arrived (none recorded: a crash before sending; or every one never
 *   connected) and none can start any more -> failed at once, without asking;
 * - the lookup goes to the endpoint that received the attempts, whatever the settings say now;
 * - "not found" is believed only once the vendor's acceptance window has passed since the last
 *   attempt signed (and since the last moment the call could have started another);
 * - a found charge that is not this sale's (meter, energy, amount) is set aside for a supervisor.
 */
export function stsVerifyHandler(deps: Pick<SalesDeps, 'db' | 'sts' | 'config'>): TopicHandler {
  return {
    batch: 1,
    priority: 1, // unknown outcomes are resolved before anything else is sent
    async deliver(rows) {
      const out = new Map<number, Delivery>();
      for (const row of rows) {
        const sale = getSale(deps.db.read, row.sale_id ?? '');
        // Settled meanwhile (a late answer, a local token): nothing to ask.
        if (!sale || sale.status !== 'unknown') {
          out.set(row.id, { kind: 'ok', value: null });
          continue;
        }
        const sent = deps.sts.sentAttempts(row.key);
        if (sent.count === 0) {
          // Every attempt provably never connected. Until the call's last moment to start one
          // more has passed, one still might; after it, nothing can ever arrive.
          if (sent.notAfterMs !== null && Date.now() <= sent.notAfterMs) {
            out.set(row.id, { kind: 'unknown', reason: 'the charge call may still send an attempt', retryAt: new Date(sent.notAfterMs + 1).toISOString() });
          } else {
            out.set(row.id, { kind: 'ok', value: { found: false, neverSent: true } });
          }
          continue;
        }
        const res = await deps.sts.verifyCharge({ idempotencyKey: row.key });
        if (res.kind === 'ok' && res.value.found) {
          const mismatch = chargeMismatch(sale, res.value, deps.config.currencyDecimals);
          out.set(row.id, mismatch ? { kind: 'refused', code: 'VENDOR_MISMATCH', message: mismatch } : res);
          continue;
        }
        if (res.kind === 'ok') {
          // Signature times are the wall clock's (the vendor checks them against its own). The
          // vendor checks the timestamp when a request arrives (at most the window after it was
          // signed, or after the last moment another attempt could start); a request still
          // arriving is cut off when its timeout aborts it. The later of these is the verdict.
          const paidAt = new Date(sale.createdAt).getTime();
          const window = deps.config.vendorAcceptWindowMs;
          const verdictAt = Math.max((sent.lastSignedAtMs ?? paidAt) + window, (sent.notAfterMs ?? paidAt) + window, sent.lastAbortAtMs ?? 0);
          if (Date.now() < verdictAt) {
            out.set(row.id, { kind: 'unknown', reason: 'the vendor has no record yet; a request sent for this sale could still be accepted', retryAt: new Date(verdictAt).toISOString() });
            continue;
          }
        }
        out.set(row.id, res);
      }
      return out;
    },
    onDone(row, value, at) {
      const v = value as (StsVerify & { neverSent?: true }) | null;
      if (v === null || saleStatus(deps.db.write, row.sale_id ?? '') !== 'unknown') return;
      if (v.found) {
        recordOutcome(deps, row, at, issuedByVendor(v));
      } else {
        recordOutcome(deps, row, at, { status: 'failed', errorCode: v.neverSent ? 'NEVER_SENT' : 'NOT_VENDED', errorMessage: v.neverSent ? NEVER_SENT : NOT_VENDED });
      }
    },
    onDead(row, refusal, at) {
      // The sale stays unknown (money neither given out nor handed back) with the reason a
      // supervisor reads next to it; the dead letter is where they act on it.
      if (refusal.code !== 'VENDOR_MISMATCH' || saleStatus(deps.db.write, row.sale_id ?? '') !== 'unknown') return;
      setSaleError(deps.db.write, row.sale_id!, refusal.code, refusal.message, at);
      appendAudit(deps.db.write, { at, userId: null, action: 'sale.vendor_mismatch', entity: 'sale', entityId: row.sale_id!, details: { en: refusal.message.en } });
    },
  };
}

/** The fewest sales per head-office POST, however slow the link (see headOfficeHandler). */
export const MIN_SALES_PER_PUSH = 25;

/**
 * Sale records to the head office, as many per POST as the protocol takes (MAX_SALES_PER_PUSH):
 * a backlog of 10,000 sales is 20 requests and 20 disk syncs, not 200. A POST that gets no answer
 * (a timeout: a slow link may not carry 500 sales within the deadline; a lost connection; a 5xx)
 * halves the next batch, down to MIN_SALES_PER_PUSH; each acknowledged POST doubles it back.
 * One that never connected says nothing about its size and changes nothing.
 */
export function headOfficeHandler(deps: Pick<SalesDeps, 'db'> & { config: Pick<SalesDeps['config'], 'currencyDecimals'> }, headOffice: HeadOfficePort): TopicHandler {
  let batch = MAX_SALES_PER_PUSH;
  return {
    get batch() { return batch; },
    async deliver(rows) {
      const sales = getSales(deps.db.read, rows.flatMap((r) => (r.sale_id ? [r.sale_id] : [])));
      // The counter's own counts ride along, so the head office sees what waits and what is unknown
      // here; and the decimals the amounts are in, so its reports never add two counters' YER
      // together when one counts in 0 decimals and the other in 2.
      const res = await headOffice.pushSales(sales, {
        counts: { pendingSales: pendingCount(deps.db.read, 'headoffice.sale'), unknownSales: unknownSalesCount(deps.db.read) },
        currencyDecimals: deps.config.currencyDecimals,
      });
      if (res.kind === 'ok') batch = Math.min(MAX_SALES_PER_PUSH, batch * 2);
      else if (res.kind === 'unknown' && !neverArrived(res)) batch = Math.max(MIN_SALES_PER_PUSH, Math.floor(batch / 2));
      const out = new Map<number, Delivery>();
      const accepted = new Set(res.kind === 'ok' ? res.value.accepted : []);
      const rejected = new Map(res.kind === 'ok' ? (res.value.rejected ?? []).map((x) => [x.id, x.error] as const) : []);
      for (const r of rows) {
        const refusal = rejected.get(r.sale_id);
        if (res.kind !== 'ok') out.set(r.id, res);
        else if (accepted.has(r.sale_id ?? '')) out.set(r.id, { kind: 'ok', value: null });
        else if (refusal) out.set(r.id, { kind: 'refused', code: refusal.code, message: refusal.message });
        else out.set(r.id, { kind: 'unknown', reason: 'head office did not acknowledge this sale' });
      }
      return out;
    },
  };
}
