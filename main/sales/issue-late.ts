// A vendor answer that came after the sale deadline. The sale was shown as `unknown`; this
// settles it at once instead of waiting for the verification round. Only a sale still waiting
// (paid or unknown) is touched, and its pending verification is settled in the same transaction.
import type { Quote } from '../../preload/contract';
import type { MeterRecord } from '../../db/repos/meters';
import { settleForSale } from '../../db/repos/outbox';
import { saleStatus, type Outcome } from '../../db/repos/sales';
import { recordSaleOutcomeOrHold } from './outcome';
import { appendAudit } from '../audit/append';
import { neverArrived, type VendorOutcome } from '../vendors/outcome';
import { vendLocally } from './local-vend';
import { chargeMismatch } from './vendor-match';
import type { SalesDeps, StsCharge } from './ports';

export const UNKNOWN_OUTCOME: Outcome = {
  status: 'unknown',
  errorCode: 'OUTCOME_UNKNOWN',
  errorMessage: {
    en: 'The token service did not answer in time. Shahn is confirming with the vendor; do not sell again for this payment.',
    ar: 'لم تستجب خدمة الشحن في الوقت المحدد. يجري التأكد مع المزود؛ لا تكرر البيع لهذه الدفعة.',
  },
};

/** A vendor answer as an outcome; null when it never arrived (the caller vends locally). */
/** A vendor's token as the sale's outcome, with the key-change pair and the server's receipt when it sent them. */
export function issuedByVendor(v: StsCharge): Outcome {
  return {
    status: 'issued', token: v.token, tokenSource: 'vendor', tid: v.tid, vendorRef: v.vendorRef, errorCode: null, errorMessage: null,
    ...(v.keyChangeTokens ? { keyChangeTokens: v.keyChangeTokens } : {}),
    ...(v.vendorReceipt ? { vendorReceipt: v.vendorReceipt } : {}),
  };
}

export function vendorOutcome(deps: Pick<SalesDeps, 'log' | 'config'>, saleId: string, quote: Quote, res: VendorOutcome<StsCharge>): Outcome | null {
  if (res.kind === 'ok') {
    const mismatch = chargeMismatch(quote, res.value, deps.config.currencyDecimals);
    if (mismatch) {
      // Not this sale's token: unknown, and its verification (which will find the same answer)
      // is set aside for a supervisor. Never issued on the vendor's word alone.
      deps.log.error({ saleId, meter: res.value.meterNumber, energyTenths: res.value.energyTenths, amountMinor: res.value.amountMinor }, 'vendor answer does not match the sale');
      return { status: 'unknown', errorCode: 'VENDOR_MISMATCH', errorMessage: mismatch };
    }
    return issuedByVendor(res.value);
  }
  if (res.kind === 'refused') {
    deps.log.warn({ saleId, code: res.code }, 'vendor refused the token');
    return { status: 'failed', errorCode: res.code, errorMessage: res.message };
  }
  if (neverArrived(res)) return null;
  deps.log.warn({ saleId, reason: res.reason }, 'token outcome unknown, will verify with the vendor');
  return UNKNOWN_OUTCOME;
}


export function settleLate(deps: SalesDeps, saleId: string, userId: number, quote: Quote, meter: MeterRecord, res: VendorOutcome<StsCharge>): void {
  const o = vendorOutcome(deps, saleId, quote, res);
  if (o === null) {
    vendLocally(deps, saleId, userId, quote, meter);
    return;
  }
  if (o.status === 'unknown') return; // still unknown: the verification round resolves it
  const w = deps.db.write;
  const at = deps.now().toISOString();
  w.transaction(() => {
    const s = saleStatus(w, saleId);
    if (s !== 'paid' && s !== 'unknown') return;
    if (!recordSaleOutcomeOrHold(w, saleId, o, at, userId, 'late answer')) return; // a TID clash: held unknown
    settleForSale(w, 'sts.verify', saleId, at);
    appendAudit(w, { at, userId, action: `sale.${o.status}`, entity: 'sale', entityId: saleId, details: { via: 'late answer', tokenSource: o.tokenSource ?? null } });
  })();
  deps.log.info({ saleId, status: o.status }, 'late vendor answer recorded');
  deps.outbox.kick();
}
