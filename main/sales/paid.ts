// Step 2 of a sale, the paid transaction: receipt number, the sale row, the seller's shift, the
// approval it uses up, the audit row and the outbox rows, all or nothing. Nothing leaves the
// machine before it commits. test/bench/commit.bench.ts times exactly this function.
import type { WriteDb } from '../../db/open';
import type { MeterRecord } from '../../db/repos/meters';
import { enqueue } from '../../db/repos/outbox';
import { insertPaidSale, nextReceiptNo } from '../../db/repos/sales';
import { openShiftId } from '../../db/repos/shifts';
import type { PaymentMethod, Quote, User } from '../../preload/contract';
import { appendAudit } from '../audit/append';
import { consumeApproval } from '../auth/approval';
import { applyQuoteToAccount } from '../meters/accounts';
import { attachSaleToShift } from '../shifts/shifts';
import { enqueueCloudSettlement } from './settle-cloud';

export interface PaidSale {
  id: string;
  user: User;
  meter: MeterRecord;
  /** The quote as stored (without the cashier's key notice). */
  quote: Quote;
  paymentMethod: PaymentMethod;
  at: string;
  /** This counter's name: the sale joins the seller's open shift here. */
  counter: string;
  /** A cashier's sale above the purchase maximum uses up this supervisor approval. */
  aboveMaxApproval?: { token: string | undefined; why: { en: string; ar: string } };
}

/** Built once per connection: making a transaction function costs about as much as a small insert. */
const paidTransaction = new WeakMap<WriteDb, (p: PaidSale) => number>();

/** Commits the paid sale; answers the outbox row of its cloud recharge (0: none). */
export function commitPaid(w: WriteDb, p: PaidSale): number {
  let tx = paidTransaction.get(w);
  if (!tx) paidTransaction.set(w, (tx = w.transaction((p: PaidSale) => write(w, p))));
  return tx(p);
}

function write(w: WriteDb, p: PaidSale): number {
  const { id, user, meter, quote, at } = p;
  const settlement = quote.kind === 'settlement'; // postpaid/credit: pays the account, no vendor call
  const receiptNo = nextReceiptNo(w);
  // The sale is written already in the seller's open shift: setting it afterwards rewrote the
  // row and its shift index entry in every commit. With no open shift, attachSaleToShift
  // decides: a shift opened for it, or SHIFT_REQUIRED (nothing is written).
  const shiftId = openShiftId(w, user.id, p.counter);
  insertPaidSale(w, { id, receiptNo, userId: user.id, meterId: meter.id, quote, paymentMethod: p.paymentMethod, at, shiftId });
  if (shiftId === null) attachSaleToShift(w, id, user, at, p.counter);
  if (p.aboveMaxApproval) consumeApproval(w, user, p.aboveMaxApproval.token, 'sale-above-max', id, at, p.aboveMaxApproval.why);
  appendAudit(w, { at, userId: user.id, action: 'sale.paid', entity: 'sale', entityId: id, details: { receiptNo, meter: meter.number, chargedMinor: quote.chargedMinor } });
  enqueue(w, { topic: 'headoffice.sale', key: id, saleId: id, payload: { saleId: id }, at });
  // A credit-mode Acrel payment is also paid into the cloud balance, before any reconnect it causes.
  if (settlement) enqueueCloudSettlement(w, meter, id, quote.chargedMinor, at);
  applyQuoteToAccount(w, meter, quote, at, user.id); // debt recovered or settled; may reconnect
  if (meter.kind === 'acrel' && !settlement) {
    return enqueue(w, { topic: 'acrel.recharge', key: id, saleId: id, payload: { meterNumber: meter.number, amountMinor: quote.valueMinor }, at, orderKey: `meter:${meter.number}` });
  }
  return 0;
}
