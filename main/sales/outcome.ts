// The one way a sale takes its outcome, whichever path decided it (the sell call, the late
// answer, local vending, the outbox). A token's TID is recorded in the meter's token ledger first
// (main/meters/token-ledger.ts), so a TID the meter already has is refused before anything of the
// outcome is written. A failed sale is money handed back, so the debt it had recovered from the
// meter is given back in the same transaction.
import type { WriteDb } from '../../db/open';
import type { Quote } from '../../preload/contract';
import { findMeter, restoreDebt } from '../../db/repos/meters';
import { settleForSale } from '../../db/repos/outbox';
import { saleDebtContext, saleMeterId, setOutcome, type Outcome } from '../../db/repos/sales';
import { appendAudit } from '../audit/append';
import { recordIssuedToken, TidInUseError } from '../meters/token-ledger';
import { afterDebtChange } from '../meters/auto-commands';

export { TidInUseError } from '../meters/token-ledger';

/**
 * Call inside the caller's transaction.
 * @throws TidInUseError when the outcome's token has a TID another token holds on this meter; the
 *   token is checked first, so nothing of the outcome has been written. A caller that must not
 *   fail on it (every path a vendor token arrives by) uses recordSaleOutcomeOrHold.
 */
export function recordSaleOutcome(w: WriteDb, saleId: string, o: Outcome, at: string, userId: number | null): void {
  if (o.tid !== undefined && o.tid !== null) {
    const meterId = saleMeterId(w, saleId);
    if (meterId !== undefined) recordIssuedToken(w, { meterId, tid: o.tid, kind: 'credit', source: o.tokenSource ?? 'vendor', saleId, requestId: null, issuedAt: at });
  }
  setOutcome(w, saleId, o, at);
  if (o.status !== 'failed') return;
  const row = saleDebtContext(w, saleId);
  const recovered = row ? ((JSON.parse(row.quote_json) as Quote).debt?.recoveredMinor ?? 0) : 0;
  if (!row || recovered <= 0) return;
  restoreDebt(w, row.meter_id, recovered);
  const meter = findMeter(w, row.meter_number);
  appendAudit(w, { at, userId, action: 'meter.debt_restored', entity: 'meter', entityId: row.meter_number, details: { saleId, restoredMinor: recovered } });
  // A command the worker causes is credited to the cashier who made the sale.
  if (meter) afterDebtChange(w, meter, meter.debtMinor, at, userId ?? row.user_id);
}

/**
 * recordSaleOutcome, except that a TID clash holds the sale instead of throwing: the token is not
 * given (the meter would refuse it or the one holding its TID), and the money is not handed back
 * (the vendor did vend), so the sale stays `unknown` with the reason in both languages for a
 * supervisor to settle with the vendor. Its verification is settled too: asking again would get
 * the same token. Returns false when the sale was held (the caller skips its own audit of the
 * outcome: the hold wrote `sale.tid_in_use`). `via` names the path, for the audit.
 */
export function recordSaleOutcomeOrHold(w: WriteDb, saleId: string, o: Outcome, at: string, userId: number | null, via: string): boolean {
  try {
    recordSaleOutcome(w, saleId, o, at, userId);
    return true;
  } catch (e) {
    if (!(e instanceof TidInUseError)) throw e;
    const ref = o.vendorRef ? ` (${o.vendorRef})` : '';
    recordSaleOutcome(w, saleId, {
      status: 'unknown', vendorRef: o.vendorRef ?? null, errorCode: 'TID_IN_USE',
      errorMessage: {
        en: `${e.bilingual.en} The token is held back: a supervisor must settle this sale with the vendor${ref}. Do not sell again for this payment.`,
        ar: `${e.bilingual.ar} لم يُسلَّم الرمز: على المشرف تسوية هذه العملية مع المزود${ref}. لا تكرر البيع لهذه الدفعة.`,
      },
    }, at, userId);
    settleForSale(w, 'sts.verify', saleId, at);
    appendAudit(w, {
      at, userId, action: 'sale.tid_in_use', entity: 'sale', entityId: saleId,
      details: { via, tid: e.token.tid, tokenSource: e.token.source, vendorRef: o.vendorRef ?? null, heldByKind: e.holder.kind, heldBy: e.holder.saleId ?? e.holder.requestId },
    });
    return false;
  }
}
