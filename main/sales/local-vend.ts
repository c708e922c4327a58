// Local STS vending: the token is made on the counter from the meter's key data and the sealed
// vending key, when the vendor provably never got the request or the counter vends locally.
// Everything happens in ONE write transaction: the offline-credit check, the TID, the token, the
// outcome, the meter's last TID and the audit row. So a crash leaves either no token or a
// recorded one, and two tokens for a meter can never share a TID.
import { randomInt } from 'node:crypto';
import type { Quote } from '../../preload/contract';
import { clearKeyChange, findMeter, type MeterRecord, type StsKeyData } from '../../db/repos/meters';
import { settleForSale } from '../../db/repos/outbox';
import { localCreditInUse, meterLastTid, saleStatus, unknownStsCount, type Outcome } from '../../db/repos/sales';
import { recordSaleOutcome } from './outcome';
import { appendAudit } from '../audit/append';
import { formatMinor } from '../common/money';
import { creditToken, deriveDecoderKey, keyChangeTokens, meterPan, tidFromDate } from '../sts';
import { keyPlan } from './key-plan';
import { leasePlan } from '../leases/local-plan';
import type { SalesDeps } from './ports';

export type LocalDeps = Pick<SalesDeps, 'db' | 'now' | 'keys' | 'leases' | 'vending' | 'config' | 'log'>;

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
    // The meter as it is now: its key data may have been edited since the quote.
    const current = findMeter(w, meter.number) ?? meter;
    const { outcome: o, keyChangeFrom } = decide(deps, saleId, quote, current, at);
    recordSaleOutcome(w, saleId, o, at.toISOString(), userId);
    // The meter now holds its new key (once the customer enters the tokens): the change is done.
    if (o.keyChangeTokens && keyChangeFrom) clearKeyChange(w, current.id, keyChangeFrom);
    settleForSale(w, 'sts.verify', saleId, at.toISOString()); // nothing left to ask the vendor
    appendAudit(w, {
      at: at.toISOString(), userId, action: `sale.${o.status}`, entity: 'sale', entityId: saleId,
      details: { tokenSource: o.tokenSource ?? null, tid: o.tid ?? null, errorCode: o.errorCode ?? null, ...(o.keyChangeTokens ? { keyChange: { from: keyChangeFrom } } : {}) },
    });
    return o;
  }).immediate();
}

function decide(deps: LocalDeps, saleId: string, quote: Quote, meter: MeterRecord, at: Date): { outcome: Outcome; keyChangeFrom: StsKeyData | null } {
  const w = deps.db.write;
  const sts = meter.sts;
  const refuse = (o: Outcome) => ({ outcome: o, keyChangeFrom: null });
  if (!sts || quote.energyTenths === null) return refuse(refusal('NOT_STS', 'This meter does not take STS tokens.', 'هذا العداد لا يقبل رموز STS.'));
  // An enrolled counter makes tokens only under the meter's lease, with its decoder key; a
  // standalone one with the supply group's vending key it holds.
  const leased = deps.leases?.enrolled() ? leasePlan(deps.leases, meter, at, deps.config.timeZone) : null;
  const plan = leased ? { problem: leased.problem, keyChangeFrom: null } : keyPlan(deps.keys, sts);
  if (plan.problem) {
    const p = plan.problem.message;
    return refuse(refusal(plan.problem.code, `The token service cannot be reached and this counter cannot make the token: ${p.en} No token was issued. Return the money to the customer.`,
      `تعذر الوصول إلى خدمة الشحن ولا يستطيع هذا المركز إصدار الرمز: ${p.ar} لم يصدر أي رمز. أعد المبلغ للعميل.`));
  }
  const used = localCreditInUse(w);
  const limit = deps.vending.offlineLimitMinor;
  if (used + quote.chargedMinor > limit) {
    const left = `${formatMinor(Math.max(0, limit - used), deps.config.currencyDecimals)} ${deps.config.currency}`;
    deps.log.warn({ saleId, usedMinor: used, limitMinor: limit }, 'offline credit limit reached');
    return refuse(refusal('OFFLINE_LIMIT',
      `The offline sales limit is reached (${left} left until the counter syncs). No token was issued: return the money, or sell again once the connection is back.`,
      `تم بلوغ حد البيع دون اتصال (المتبقي ${left} حتى تتم المزامنة). لم يصدر أي رمز: أعد المبلغ للعميل أو بِع مرة أخرى عند عودة الاتصال.`));
  }
  const tid = localTid(meterLastTid(w, meter.id), tidFromDate(at, sts.baseDate), unknownStsCount(w, meter.id, saleId));
  const pan = meterPan(meter.number);
  const decoderKey = (k: StsKeyData, vendingKey: string) => deriveDecoderKey({
    dkga: k.dkga, vendingKey, keyType: k.keyType, sgc: k.sgc, ti: k.ti, krn: k.krn, pan, baseDate: k.baseDate, ea: k.ea,
  });
  if (leased?.lease) {
    const token = deps.leases!.withDecoderKey(leased.lease, (decoderKey) =>
      creditToken({ decoderKey, subclass: 0, tid, rnd: randomInt(16), tenths: quote.energyTenths!, ea: sts.ea }));
    deps.log.info({ saleId, meter: meter.number, tid, lease: leased.lease.expiresAt }, 'token vended locally under the meter\'s lease');
    return { outcome: { status: 'issued', token, tokenSource: 'local', tid, vendorRef: null, errorCode: null, errorMessage: null }, keyChangeFrom: null };
  }
  const from = plan.keyChangeFrom;
  const { token, keyChange } = deps.keys.use({ sgc: sts.sgc, krn: sts.krn }, (vendingKey) => {
    const newKey = decoderKey(sts, vendingKey);
    // Key change (IEC 62055-41 class 2, subclasses 3 and 4): the NEW decoder key in two tokens,
    // encrypted with the OLD one the meter holds; entered before the credit token, which is
    // already under the new key. KEN 255: the key does not expire in the meter. The rollover bit
    // moves the meter to a new base date.
    const kc = from && deps.keys.use({ sgc: from.sgc, krn: from.krn }, (oldVendingKey) => keyChangeTokens({
      decoderKey: decoderKey(from, oldVendingKey), newDecoderKey: newKey, ken: 255, krn: sts.krn, rollover: from.baseDate !== sts.baseDate, keyType: sts.keyType, ti: sts.ti,
    }));
    return { token: creditToken({ decoderKey: newKey, subclass: 0, tid, rnd: randomInt(16), tenths: quote.energyTenths!, ea: sts.ea }), keyChange: kc };
  });
  deps.log.info({ saleId, meter: meter.number, tid, keyChange: keyChange !== null }, 'token vended locally');
  return {
    outcome: { status: 'issued', token, tokenSource: 'local', tid, vendorRef: null, errorCode: null, errorMessage: null, ...(keyChange ? { keyChangeTokens: keyChange } : {}) },
    keyChangeFrom: keyChange ? from : null,
  };
}
