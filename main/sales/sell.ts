// Steps 2-5 of a sale: paid (one transaction, paid.ts; nothing leaves the machine before it
// commits) -> issue -> outcome persisted -> receipt printed.
import { randomUUID } from 'node:crypto';
import type { ConfirmedPrice, PaymentMethod, Quote, Sale, User } from '../../preload/contract';
import { appendAudit } from '../audit/append';
import { enqueue } from '../../db/repos/outbox';
import { getSale, saleStatus, type Outcome } from '../../db/repos/sales';
import { recordSaleOutcomeOrHold } from './outcome';
import { AppError, err } from '../common/errors';
import { approvalRequired } from '../auth/approval';
import { quoteSale } from './quote';
import { holdToConfirmed } from './confirmed-price';
import { issueSts } from './issue-sts';
import { printSale } from '../printing/receipts';
import type { SalesDeps, ServerPrice } from './ports';
import { serverPriceFor } from './server-price';
import { commitPaid } from './paid';

/** Vend by amount (amountMinor) or by units (energyTenths, 0.1 kWh): exactly one is given. */
export interface SellRequest { saleId?: string; meterNumber: string; amountMinor?: number; energyTenths?: number; tenderedMinor: number; paymentMethod: PaymentMethod; approvalToken?: string; confirmed: ConfirmedPrice }

/** A retried request with the same sale id gets the stored sale back, never a second sale. */
function replay(prior: Sale, req: SellRequest): Sale {
  const same = req.energyTenths !== undefined ? prior.requestedEnergyTenths === req.energyTenths : prior.amountMinor === req.amountMinor;
  if (prior.meterNumber !== req.meterNumber.replace(/[\s-]/g, '') || !same) {
    throw err('CONFLICT', 'This sale id was already used for a different sale.', 'رقم العملية مستخدم لعملية بيع أخرى.');
  }
  return prior;
}

export function persistOutcome(deps: Pick<SalesDeps, 'db' | 'now'>, saleId: string, userId: number | null, o: Outcome): void {
  const w = deps.db.write;
  const at = deps.now().toISOString();
  w.transaction(() => {
    // Only a sale still in `paid` takes its first outcome here: a late vendor answer or a local
    // token may already have settled it, and a settled sale is never overwritten.
    if (saleStatus(w, saleId) !== 'paid') return;
    if (!recordSaleOutcomeOrHold(w, saleId, o, at, userId, 'answer')) return; // a TID clash: held unknown
    appendAudit(w, { at, userId, action: `sale.${o.status}`, entity: 'sale', entityId: saleId, details: { errorCode: o.errorCode ?? null, tokenSource: o.tokenSource ?? null } });
    if (o.status === 'unknown') enqueue(w, { topic: 'sts.verify', key: saleId, saleId, payload: { saleId }, at });
  })();
}

const PRINT_WAIT_MS = 3_000;

const ABOVE_MAX = { en: 'This amount is above the most one purchase can be.', ar: 'هذا المبلغ أعلى من الحد الأعلى للشراء الواحد.' };

/**
 * The quote this sale is made at. Above the purchase maximum a cashier needs a supervisor's
 * approval (used up in the paid transaction); supervisors and admins approve their own.
 */
function quoteForSale(deps: SalesDeps, user: User, req: SellRequest & { server?: ServerPrice }) {
  const q = { meterNumber: req.meterNumber, amountMinor: req.amountMinor, energyTenths: req.energyTenths, tenderedMinor: req.tenderedMinor, server: req.server };
  try {
    return { ...quoteSale(deps, q), aboveMax: false };
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'AMOUNT_TOO_LARGE') throw e;
    if (user.role === 'cashier' && !req.approvalToken) throw approvalRequired('sale-above-max', e.bilingual.en, e.bilingual.ar);
    return { ...quoteSale(deps, { ...q, aboveMaxApproved: true }), aboveMax: true };
  }
}

/** The key notice was for the cashier before paying; the sale records what happened instead. */
function withoutKeyNotice(q: Quote): Quote {
  const stored = { ...q };
  delete stored.keyNotice;
  return stored;
}

function afterMs<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(resolve, ms, value).unref());
}

export async function sell(deps: SalesDeps, user: User, req: SellRequest): Promise<Sale> {
  const id = req.saleId ?? randomUUID();
  const prior = getSale(deps.db.write, id);
  if (prior) return replay(prior, req);
  // Sold at the price the cashier confirmed, or refused with PRICE_CHANGED (nothing written).
  // A server that prices sales itself is asked again now (its trial vend changes nothing); the
  // sale is held to what the cashier confirmed, like a price from the counter's tariff.
  const priced = { ...req, server: await serverPriceFor(deps, req) };
  const { quote, meter, aboveMax } = holdToConfirmed(deps, priced, () => quoteForSale(deps, user, priced));
  const settlement = quote.kind === 'settlement'; // postpaid/credit: pays the account, no vendor call

  const w = deps.db.write;
  const rechargeRow = commitPaid(w, {
    id, user, meter, quote: withoutKeyNotice(quote), paymentMethod: req.paymentMethod, at: deps.now().toISOString(), counter: deps.config.counterName,
    ...(aboveMax && user.role === 'cashier' ? { aboveMaxApproval: { token: req.approvalToken, why: ABOVE_MAX } } : {}),
  });
  deps.log.info({ saleId: id, meter: meter.number, chargedMinor: quote.chargedMinor }, 'sale paid');

  deps.onStep?.('paid', id);

  if (settlement) {
    persistOutcome(deps, id, user.id, { status: 'issued', errorCode: null, errorMessage: null });
  } else if (meter.kind === 'sts') {
    try {
      const r = await issueSts(deps, id, user.id, quote, meter, req.paymentMethod);
      if (!r.persisted) persistOutcome(deps, id, user.id, r.outcome);
    } catch (e) {
      // Something broke while issuing (e.g. a vending key that cannot be opened). The sale is paid
      // and must not stay `paid`: it becomes `unknown` and is settled by asking the vendor about
      // its key; if nothing was vended, it fails once the vendor's window has passed.
      deps.log.error({ saleId: id, err: (e as Error).message }, 'issuing failed unexpectedly');
      persistOutcome(deps, id, user.id, { status: 'unknown', errorCode: 'OUTCOME_UNKNOWN', errorMessage: {
        en: 'Issuing the token was interrupted. Shahn is confirming with the vendor; do not sell again for this payment.',
        ar: 'انقطع إصدار الرمز. يجري التأكد مع المزود؛ لا تكرر البيع لهذه الدفعة.',
      } });
    }
  } else {
    // The recharge travels through the outbox so that, offline, it is simply delivered later.
    // Its handler records `issued` / `failed` in the same transaction that settles the message.
    // The cashier waits at most the sale deadline; a slower attempt still settles the sale.
    const result = await Promise.race([deps.outbox.deliverNow(rechargeRow), afterMs(deps.vending.saleDeadlineMs, 'retry' as const)]);
    deps.onStep?.('answered', id);
    if (result === 'retry') {
      persistOutcome(deps, id, user.id, {
        status: 'pending',
        errorCode: 'OFFLINE',
        errorMessage: {
          en: 'The meter service cannot be reached now. The credit will be sent to the meter automatically when the connection returns.',
          ar: 'تعذر الوصول إلى خدمة العداد الآن. سيُرسل الرصيد إلى العداد تلقائياً عند عودة الاتصال.',
        },
      });
    }
  }
  deps.onStep?.('outcome', id);
  deps.outbox.kick();
  // The outcome is stored; the receipt should not keep the cashier waiting behind a slow printer
  // or a backlog: wait a little for it, then let the print queue finish on its own.
  const printing = printSale(deps, id, false).catch((e: unknown) => deps.log.error({ saleId: id, err: (e as Error).message }, 'receipt printing failed'));
  await Promise.race([printing, afterMs(PRINT_WAIT_MS, undefined)]);
  deps.onStep?.('printed', id);
  return getSale(w, id)!;
}
