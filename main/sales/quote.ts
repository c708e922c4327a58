// Step 1 of a sale: the quote. No side effects: meter -> payment mode -> schedule in force ->
// active period now -> fee due? -> debt recovery -> exact price (by amount or by units). Also
// used to preview a price at another instant (`at`).
import type { Quote } from '../../preload/contract';
import { lastLiveSaleAt, latestSchedule, type MeterRecord } from '../../db/repos/meters';
import { lookupMeter } from '../meters/find';
import { err } from '../common/errors';
import { formatMinor } from '../common/money';
import { activePeriod, hhmm, type TariffSchedule } from '../tariffs/pricing/schedule';
import { localMonth } from '../tariffs/pricing/time';
import { priceSale, QuoteRefusal, type PriceResult } from '../tariffs/pricing/quote';
import { priceByUnits } from '../tariffs/pricing/by-units';
import { priceSettlement, SettlementRefusal } from '../tariffs/pricing/settlement';
import type { SalesDeps, ServerPrice } from './ports';
import { serverFigures } from './server-price';
import { KEY_CHANGE_NOTICE, keyPlan } from './key-plan';
import { mustStayLocal } from './local-vend';
import { leasePlan } from '../leases/local-plan';
import { lastLocalTid } from '../../db/repos/sales';

/** Exactly one of amountMinor (vend by money) and energyTenths (vend by units). */
export interface QuoteRequest {
  meterNumber: string; amountMinor?: number; energyTenths?: number; tenderedMinor?: number; at?: string;
  /** A supervisor approved a purchase above the maximum: the maximum does not apply. */
  aboveMaxApproved?: boolean;
  /** The vending server's price (server-price.ts): its figures replace the counter's tariff's. */
  server?: ServerPrice;
}
/** The largest amount the contract accepts: what an approved sale above the maximum is held to. */
const APPROVED_CEILING = 1_000_000_000_000;
type Deps = Pick<SalesDeps, 'db' | 'config' | 'now' | 'keys' | 'leases' | 'vending'>;

/** A monthly fee is due only on the meter's first sale (not refused) of the counter's month. */
function feeDue(deps: Deps, meter: MeterRecord, s: TariffSchedule, at: Date): number {
  if (s.feeMinor === 0 || s.feeMode !== 'first_of_month') return s.feeMinor;
  const last = lastLiveSaleAt(deps.db.read, meter.number, at.toISOString());
  return last && localMonth(new Date(last), deps.config.timeZone) === localMonth(at, deps.config.timeZone) ? 0 : s.feeMinor;
}

export function quoteSale(deps: Deps, req: QuoteRequest): { quote: Quote; meter: MeterRecord } {
  const meter = lookupMeter(deps.db.read, req.meterNumber);
  const at = req.at ? new Date(req.at) : deps.now();
  const schedule = latestSchedule(deps.db.read, meter.scheduleCode, at.toISOString());
  const period = schedule && activePeriod(schedule, at, deps.config.timeZone);
  if (!schedule || !period) {
    throw err('NO_TARIFF', `No tariff is in force for meter ${meter.number} at this time. Ask a supervisor.`,
      `لا توجد تعرفة سارية للعداد ${meter.number} في هذا الوقت. راجع المشرف.`);
  }
  const settlement = meter.paymentMode !== 'prepaid';
  const product = meter.kind === 'sts' ? ('sts_kwh' as const) : ('acrel_credit' as const);
  const base = {
    meterNumber: meter.number, product: settlement ? 'settlement' : product, customerName: meter.customerName, at: at.toISOString(), currency: deps.config.currency,
    tariff: {
      scheduleId: schedule.id, scheduleName: schedule.name, periodName: period.name, pricePerKwh: period.pricePerKwh,
      periodStart: hhmm(period.startMinute), periodEnd: hhmm(period.endMinute), timeZone: deps.config.timeZone,
    },
    paymentMode: meter.paymentMode, kind: settlement ? 'settlement' : 'purchase', requestedEnergyTenths: req.energyTenths ?? null,
  } as const;
  try {
    if (settlement) return { quote: { ...base, ...settle(meter, req) }, meter };
    if (req.server && product === 'sts_kwh') {
      // The server's limits apply (it refuses what it will not sell); the key notice still does,
      // for the sale made on the counter if the server cannot be reached by then.
      const money = (m: number) => `${formatMinor(m, deps.config.currencyDecimals)} ${deps.config.currency}`;
      const notice = keyNotice(deps, meter);
      return { quote: { ...base, ...serverFigures(req.amountMinor ?? 0, req.tenderedMinor, req.server, money), ...(notice ? { keyNotice: notice } : {}) }, meter };
    }
    const input = {
      product, tenderedMinor: req.tenderedMinor, pricePerKwh: period.pricePerKwh, vatPercent: schedule.vatPercent,
      feeMinor: feeDue(deps, meter, schedule, at), feeMode: schedule.feeMode, debtMinor: meter.debtMinor, debtRecoveryPercent: schedule.debtRecoveryPercent,
      minPurchaseMinor: meter.minPurchaseMinor ?? schedule.minPurchaseMinor,
      maxPurchaseMinor: req.aboveMaxApproved ? APPROVED_CEILING : (meter.maxPurchaseMinor ?? schedule.maxPurchaseMinor),
    };
    const price: PriceResult & { amountMinor: number } = req.energyTenths !== undefined
      ? priceByUnits({ ...input, energyTenths: req.energyTenths })
      : { ...priceSale({ ...input, amountMinor: req.amountMinor ?? 0 }), amountMinor: req.amountMinor ?? 0 };
    const notice = keyNotice(deps, meter);
    return { quote: { ...base, ...price, ...(notice ? { keyNotice: notice } : {}) }, meter };
  } catch (e) {
    throw refusal(deps, e);
  }
}

/**
 * What the cashier must know about the vending key before the money is taken. With the vendor
 * reachable the vendor makes the token and the counter's key is not used, so a missing, retired or
 * expired key is a warning (the sale still goes to the vendor; only if the vendor cannot be asked
 * would it be refused and the money handed back). When the sale must be made on this counter
 * (vending mode 'local', or a local token ahead of the clock) it is refused here, before payment.
 * A key change the receipt will carry is said only when the token is made here.
 */
function keyNotice(deps: Deps, meter: MeterRecord): Quote['keyNotice'] {
  if (!meter.sts) return undefined;
  const local = deps.vending.mode === 'local' || mustStayLocal(deps, meter, lastLocalTid(deps.db.read, meter.id));
  if (deps.leases?.enrolled()) return leaseNotice(deps, meter, local);
  const plan = keyPlan(deps.keys, meter.sts);
  if (plan.problem && local) {
    const p = plan.problem.message;
    throw err('NO_VENDING_KEY', `${p.en} This counter makes its tokens itself, so nothing can be sold to this meter here until an administrator loads a valid key. No money was taken.`,
      `${p.ar} يُصدر هذا المركز الرموز بنفسه، فلا يمكن البيع لهذا العداد هنا حتى يحمّل المسؤول مفتاحاً صالحاً. لم يؤخذ أي مبلغ.`);
  }
  if (plan.problem) {
    const p = plan.problem.message;
    return { code: plan.problem.code, message: {
      en: `${p.en} The token will be asked of the vendor; if the vendor cannot be reached, the sale will be refused and the money returned.`,
      ar: `${p.ar} سيُطلب الرمز من المزود؛ وإن تعذر الوصول إليه فستُرفض العملية ويُعاد المبلغ.`,
    } };
  }
  if (plan.keyChangeFrom && local) return { code: 'KEY_CHANGE', message: KEY_CHANGE_NOTICE };
  return undefined;
}

/**
 * The same on a counter whose head office leases meters: a token made here needs the meter's live
 * lease. When the sale must be made here and there is none, nothing is sold; otherwise a missing
 * lease says only what would happen if the vendor could not be reached.
 */
function leaseNotice(deps: Deps, meter: MeterRecord, local: boolean): Quote['keyNotice'] {
  const plan = leasePlan(deps.leases!, meter, deps.now(), deps.config.timeZone);
  if (!plan.problem) return undefined;
  const p = plan.problem.message;
  if (local) {
    throw err('NO_VENDING_KEY', `${p.en} This sale would have to be made on this counter, so nothing can be sold to this meter here now. No money was taken.`,
      `${p.ar} هذه العملية يجب أن تصدر من هذا المركز، فلا يمكن البيع لهذا العداد هنا الآن. لم يؤخذ أي مبلغ.`);
  }
  // Online the vendor makes the token: a lease matters only if it cannot be reached. Most meters
  // have none (a counter leases the meters it sells), so that is not worth a word to the cashier;
  // another counter's lease, or ours run out or stale, is.
  if (plan.problem.code === 'KEY_CHANGE_ONLINE_ONLY' || plan.problem.code === 'NO_LEASE') return undefined;
  return { code: plan.problem.code, message: {
    en: `${p.en} The token will be asked of the vendor; if the vendor cannot be reached, the sale will be refused and the money returned.`,
    ar: `${p.ar} سيُطلب الرمز من المزود؛ وإن تعذر الوصول إليه فستُرفض العملية ويُعاد المبلغ.`,
  } };
}

/** Postpaid and credit meters (STS and Acrel): the payment settles the account; no token, no energy. */
function settle(meter: MeterRecord, req: QuoteRequest) {
  if (req.energyTenths !== undefined) {
    throw err('WRONG_PAYMENT_MODE', `Meter ${meter.number} is ${meter.paymentMode}: a payment settles its account and cannot be made in kWh.`,
      `العداد ${meter.number} بنظام ${meter.paymentMode === 'postpaid' ? 'الدفع الآجل' : 'الائتمان'}: الدفعة تسدد الحساب ولا تكون بالكيلوواط ساعة.`);
  }
  const s = priceSettlement({ amountMinor: req.amountMinor ?? 0, tenderedMinor: req.tenderedMinor, debtMinor: meter.debtMinor });
  return { amountMinor: req.amountMinor ?? 0, deductions: [], energyTenths: null, estimatedEnergyTenths: null, ...s };
}

function refusal(deps: Deps, e: unknown): unknown {
  const money = (m: number) => `${formatMinor(m, deps.config.currencyDecimals)} ${deps.config.currency}`;
  if (e instanceof SettlementRefusal) {
    if (e.problem === 'TENDERED_TOO_LOW') return err('TENDERED_TOO_LOW', `The customer must pay at least ${money(e.limitMinor ?? 0)}.`, `يجب أن يدفع العميل ${money(e.limitMinor ?? 0)} على الأقل.`);
    return err('NOTHING_OWED', 'This account owes nothing: there is nothing to settle.', 'لا يوجد مبلغ مستحق على هذا الحساب: لا شيء للسداد.');
  }
  if (!(e instanceof QuoteRefusal)) return e;
  const limit = e.limitMinor === undefined ? '' : money(e.limitMinor);
  switch (e.problem) {
    case 'AMOUNT_TOO_LARGE':
      return err('AMOUNT_TOO_LARGE', `The most one purchase can be is ${limit}; a supervisor can approve more.`,
        `الحد الأعلى للشراء الواحد ${limit}؛ يمكن للمشرف الموافقة على أكثر من ذلك.`, ['approval:sale-above-max']);
    case 'TENDERED_TOO_LOW':
      return err('TENDERED_TOO_LOW', `The customer must pay at least ${limit}.`, `يجب أن يدفع العميل ${limit} على الأقل.`);
    default:
      return err('AMOUNT_TOO_SMALL',
        limit ? `The amount is too small: the least is ${limit}.` : 'The amount is too small to buy 0.1 kWh at the current price after fees and debt recovery.',
        limit ? `المبلغ صغير جداً: الحد الأدنى ${limit}.` : 'المبلغ لا يكفي لشراء 0.1 كيلوواط ساعة بالسعر الحالي بعد الرسوم وسداد الدين.');
  }
}
