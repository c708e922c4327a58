// A meter's account: payment mode, debt, credit limit, deposit, purchase limits. Supervisor
// changes and the paid transaction of a sale both go through here, so the credit-mode rule
// (cut at the limit, restore below it) is applied in exactly one place.
import type { ReadDb, WriteDb } from '../../db/open';
import type { CreditInfo, Quote, User } from '../../preload/contract';
import { findMeter, latestSchedule, reduceDebt, setDebt, setPaymentMode, setPurchaseLimits, setSupply, type MeterRecord, type PaymentModeName } from '../../db/repos/meters';
import { debtAdjustmentRecorded } from '../../db/repos/audit';
import { appendAudit } from '../audit/append';
import { err } from '../common/errors';
import { activePeriod } from '../tariffs/pricing/schedule';
import { creditLimitTenths } from '../tariffs/pricing/settlement';
import type { SystemRequest } from './commands';
import { afterDebtChange, enqueueMeterCommand, pendingCommands } from './auto-commands';

type Deps = { db: { read: ReadDb; write: WriteDb }; now: () => Date; config: { timeZone: string } };

export function meterOrThrow(db: ReadDb, meterNumber: string): MeterRecord {
  const number = meterNumber.replace(/[\s-]/g, '');
  const m = findMeter(db, number);
  if (!m) throw err('METER_NOT_FOUND', `No meter ${number} is registered at this counter.`, `العداد ${number} غير مسجل في هذا المركز.`);
  return m;
}

export function creditInfo(db: ReadDb, meterNumber: string): CreditInfo {
  const m = meterOrThrow(db, meterNumber);
  const limit = m.paymentMode === 'credit' ? m.creditLimitMinor : null;
  return {
    meterNumber: m.number, kind: m.kind, paymentMode: m.paymentMode, debtMinor: m.debtMinor, creditLimitMinor: m.creditLimitMinor,
    depositMinor: m.depositMinor, availableMinor: limit === null ? null : Math.max(0, limit - m.debtMinor), supply: m.supply,
    minPurchaseMinor: m.minPurchaseMinor, maxPurchaseMinor: m.maxPurchaseMinor, scheduleCode: m.scheduleCode, groupCode: m.groupCode,
    pendingCommands: pendingCommands(db, m.number),
  };
}

/** What the meter's cloud must be told for a mode change (null: nothing changed for it). */
function modeRequest(deps: Deps, m: MeterRecord, mode: PaymentModeName, limit: number | null, at: string, syncCloud: boolean): SystemRequest | null {
  if (mode === 'credit') {
    // Credit mode is "prepaid with a credit limit" in both clouds: setting the limit switches it.
    // An STS cloud holds it in energy: the kWh the limit buys at the price in force now.
    let tenths: number | null = null;
    if (m.kind === 'sts') {
      const s = latestSchedule(deps.db.read, m.scheduleCode, at);
      const p = s && activePeriod(s, new Date(at), deps.config.timeZone);
      tenths = p ? creditLimitTenths(limit!, p.pricePerKwh) : null;
      if (tenths === null) {
        throw err('NO_TARIFF', `No priced tariff is in force for meter ${m.number}, so its credit limit cannot be given to the STS cloud in kWh. Ask a supervisor.`,
          `لا توجد تعرفة مسعّرة سارية للعداد ${m.number}، فلا يمكن إرسال حد الائتمان إلى منصة STS بالكيلوواط ساعة. راجع المشرف.`);
      }
    }
    return { command: 'set_credit_limit', creditLimitMinor: limit!, creditLimitTenths: tenths };
  }
  // The same mode again is sent only when asked: the supervisor saw the cloud hold another one.
  if (mode === m.paymentMode && !syncCloud) return null;
  return mode === 'postpaid' ? { command: 'set_postpaid_mode' } : { command: 'set_prepaid_mode' };
}

export function changePaymentMode(deps: Deps, user: User, i: { meterNumber: string; mode: PaymentModeName; creditLimitMinor?: number; depositMinor?: number; syncCloud?: boolean }): CreditInfo {
  const m = meterOrThrow(deps.db.write, i.meterNumber);
  const w = deps.db.write;
  const at = deps.now().toISOString();
  const limit = i.mode === 'credit' ? i.creditLimitMinor! : null;
  const request = modeRequest(deps, m, i.mode, limit, at, i.syncCloud === true);
  w.transaction(() => {
    setPaymentMode(w, m.id, i.mode, limit, i.depositMinor ?? m.depositMinor);
    // The cloud is told in the same transaction (a recorded command through the outbox).
    // A repeated "send it again" while the first is still on its way is the same request: queue it once.
    const waiting = i.syncCloud === true && request !== null && pendingCommands(w, m.number).includes(request.command);
    if (request && !waiting) enqueueMeterCommand(w, m, request, at, user.id, `payment mode ${m.paymentMode} -> ${i.mode}`);
    appendAudit(w, { at, userId: user.id, action: 'meter.payment_mode', entity: 'meter', entityId: m.number, details: { from: m.paymentMode, to: i.mode, creditLimitMinor: limit, depositMinor: i.depositMinor ?? m.depositMinor, ...(i.syncCloud ? { syncCloud: true } : {}) } });
    const now = findMeter(w, m.number)!;
    if (i.mode !== 'credit' && now.supply === 'off') {
      // Supply was cut for credit; that reason is gone with the mode.
      setSupply(w, m.id, 'on');
      enqueueMeterCommand(w, m, { command: 'reconnect' }, at, user.id, 'left credit mode');
    } else {
      afterDebtChange(w, now, now.debtMinor, at, user.id);
    }
  })();
  return creditInfo(w, m.number);
}

/** An adjustment already recorded under this client request id (a retry after a lost answer). */
const alreadyAdjusted = (w: ReadDb, meterNumber: string, requestId: string | undefined) =>
  requestId !== undefined && debtAdjustmentRecorded(w, meterNumber, requestId);

export function adjustDebt(deps: Deps, user: User, i: { meterNumber: string; deltaMinor: number; reason: string; requestId?: string }): CreditInfo {
  const w = deps.db.write;
  const at = deps.now().toISOString();
  let number = '';
  w.transaction(() => {
    const m = meterOrThrow(w, i.meterNumber);
    number = m.number;
    if (alreadyAdjusted(w, m.number, i.requestId)) return; // the same request again: record it once
    const after = m.debtMinor + i.deltaMinor;
    if (after < 0) {
      throw err('BAD_INPUT', `Meter ${m.number} owes ${m.debtMinor}; a reduction of ${-i.deltaMinor} would make the debt negative.`,
        `العداد ${m.number} عليه ${m.debtMinor}؛ تخفيض ${-i.deltaMinor} يجعل الدين سالباً.`);
    }
    setDebt(w, m.id, after);
    appendAudit(w, { at, userId: user.id, action: 'meter.debt', entity: 'meter', entityId: m.number, details: { before: m.debtMinor, after, reason: i.reason, requestId: i.requestId ?? null } });
    afterDebtChange(w, m, after, at, user.id);
  })();
  return creditInfo(w, number);
}

export function changeLimits(deps: Deps, user: User, i: { meterNumber: string; minPurchaseMinor: number | null; maxPurchaseMinor: number | null }): CreditInfo {
  const w = deps.db.write;
  const m = meterOrThrow(w, i.meterNumber);
  const at = deps.now().toISOString();
  w.transaction(() => {
    setPurchaseLimits(w, m.id, i.minPurchaseMinor, i.maxPurchaseMinor);
    appendAudit(w, { at, userId: user.id, action: 'meter.limits', entity: 'meter', entityId: m.number, details: { min: i.minPurchaseMinor, max: i.maxPurchaseMinor } });
  })();
  return creditInfo(w, m.number);
}

/** Inside the paid transaction: the debt the quote recovered or settled leaves the account. */
export function applyQuoteToAccount(w: WriteDb, meter: MeterRecord, quote: Quote, at: string, userId: number): void {
  const recovered = quote.debt?.recoveredMinor ?? 0;
  if (recovered === 0) return;
  if (!reduceDebt(w, meter.id, recovered)) {
    throw err('CONFLICT', 'The meter\'s debt changed while this sale was being made. Quote again.', 'تغير دين العداد أثناء إجراء العملية. أعد التسعير.');
  }
  const now = findMeter(w, meter.number)!;
  afterDebtChange(w, now, now.debtMinor, at, userId);
}
