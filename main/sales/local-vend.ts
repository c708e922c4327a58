// Local STS vending: the token is made on the counter from the meter's key data and the sealed
// vending key, when the vendor provably never got the request or the counter vends locally.
// Everything happens in ONE write transaction: the offline-credit check, the TID, the token, the
// outcome, the meter's last TID and the audit row. So a crash leaves either no token or a
// recorded one, and two tokens for a meter can never share a TID.
import { randomInt } from 'node:crypto';
import type { Quote } from '../../preload/contract';
import type { MeterRecord } from '../../db/repos/meters';
import { settleForSale } from '../../db/repos/outbox';
import { localCreditInUse, meterLastTid, saleStatus, unknownStsCount, type Outcome } from '../../db/repos/sales';
import { recordSaleOutcome } from './outcome';
import { appendAudit } from '../audit/append';
import { formatMinor } from '../common/money';
import { creditToken, deriveDecoderKey, meterPan, tidFromDate } from '../sts';
import type { SalesDeps } from './ports';

export type LocalDeps = Pick<SalesDeps, 'db' | 'now' | 'keys' | 'vending' | 'config' | 'log'>;

/**
 * The TID for a local token. Besides max(last + 1, now), each unresolved `unknown` sale of this
 * meter may hold a vendor token we have not seen, whose TID is at most max(last, now) + k: skip
 * past all of them so the meter never refuses ours (or theirs) as used.
 */
export function localTid(last: number | null, nowTid: number, unknownCount: number): number {
  if (unknownCount === 0) return last === null ? nowTid : Math.max(last + 1, nowTid);
  return Math.max(last ?? -1, nowTid) + unknownCount + 1;
}

/**
 * True when the vendor must not vend for this meter yet: a local token with a TID ahead of the
 * clock exists, and the vendor (which does not know it) would pick a TID from the clock.
 */
export function mustStayLocal(deps: Pick<SalesDeps, 'db' | 'now'>, meter: MeterRecord, lastLocal: number | null): boolean {
  return meter.sts !== null && lastLocal !== null && tidFromDate(deps.now(), meter.sts.baseDate) <= lastLocal;
}

function refusal(errorCode: string, en: string, ar: string): Outcome {
  return { status: 'failed', errorCode, errorMessage: { en, ar } };
}

/** Vends locally and persists the outcome; returns null when the sale was already settled. */
export function vendLocally(deps: LocalDeps, saleId: string, userId: number | null, quote: Quote, meter: MeterRecord): Outcome | null {
  const w = deps.db.write;
  const at = deps.now();
  return w.transaction((): Outcome | null => {
    const status = saleStatus(w, saleId);
    if (status !== 'paid' && status !== 'unknown') return null; // someone else settled it first
    const o = decide(deps, saleId, quote, meter, at);
    recordSaleOutcome(w, saleId, o, at.toISOString(), userId);
    settleForSale(w, 'sts.verify', saleId, at.toISOString()); // nothing left to ask the vendor
    appendAudit(w, {
      at: at.toISOString(), userId, action: `sale.${o.status}`, entity: 'sale', entityId: saleId,
      details: { tokenSource: o.tokenSource ?? null, tid: o.tid ?? null, errorCode: o.errorCode ?? null },
    });
    return o;
  }).immediate();
}

function decide(deps: LocalDeps, saleId: string, quote: Quote, meter: MeterRecord, at: Date): Outcome {
  const w = deps.db.write;
  const sts = meter.sts;
  if (!sts || quote.energyTenths === null) return refusal('NOT_STS', 'This meter does not take STS tokens.', 'هذا العداد لا يقبل رموز STS.');
  const ref = { sgc: sts.sgc, krn: sts.krn };
  if (!deps.keys.has(ref)) {
    return refusal('NO_VENDING_KEY', 'The token service cannot be reached and this counter holds no vending key for this meter, so no token was issued. Return the money to the customer.',
      'تعذر الوصول إلى خدمة الشحن ولا يملك هذا المركز مفتاح شحن لهذا العداد، فلم يصدر أي رمز. أعد المبلغ للعميل.');
  }
  const used = localCreditInUse(w);
  const limit = deps.vending.offlineLimitMinor;
  if (used + quote.chargedMinor > limit) {
    const left = `${formatMinor(Math.max(0, limit - used), deps.config.currencyDecimals)} ${deps.config.currency}`;
    deps.log.warn({ saleId, usedMinor: used, limitMinor: limit }, 'offline credit limit reached');
    return refusal('OFFLINE_LIMIT',
      `The offline sales limit is reached (${left} left until the counter syncs). No token was issued: return the money, or sell again once the connection is back.`,
      `تم بلوغ حد البيع دون اتصال (المتبقي ${left} حتى تتم المزامنة). لم يصدر أي رمز: أعد المبلغ للعميل أو بِع مرة أخرى عند عودة الاتصال.`);
  }
  const tid = localTid(meterLastTid(w, meter.id), tidFromDate(at, sts.baseDate), unknownStsCount(w, meter.id, saleId));
  const token = deps.keys.use(ref, (vendingKey) => {
    const decoderKey = deriveDecoderKey({
      dkga: sts.dkga, vendingKey, keyType: sts.keyType, sgc: sts.sgc, ti: sts.ti, krn: sts.krn, pan: meterPan(meter.number), baseDate: sts.baseDate, ea: sts.ea,
    });
    return creditToken({ decoderKey, subclass: 0, tid, rnd: randomInt(16), tenths: quote.energyTenths!, ea: sts.ea });
  });
  deps.log.info({ saleId, meter: meter.number, tid }, 'token vended locally');
  return { status: 'issued', token, tokenSource: 'local', tid, vendorRef: null, errorCode: null, errorMessage: null };
}
