// Steps 2-5 of a sale: paid (one transaction: sale, receipt number, audit, outbox rows; nothing
// leaves the machine before it commits) -> issue -> outcome persisted -> receipt printed.
import { randomUUID } from 'node:crypto';
import type { PaymentMethod, Sale, User } from '../../preload/contract';
import { appendAudit } from '../audit/append';
import { enqueue } from '../../db/repos/outbox';
import { getSale, insertPaidSale, nextReceiptNo, setOutcome, type Outcome } from '../../db/repos/sales';
import { err } from '../errors';
import { quoteSale } from './quote';
import { issueSts } from './issue-sts';
import { printSale } from './print';
import type { SalesDeps } from './ports';

export interface SellRequest { saleId?: string; meterNumber: string; amountMinor: number; tenderedMinor: number; paymentMethod: PaymentMethod }

/** A retried request with the same sale id gets the stored sale back, never a second sale. */
function replay(prior: Sale, req: SellRequest): Sale {
  if (prior.meterNumber !== req.meterNumber.replace(/[\s-]/g, '') || prior.amountMinor !== req.amountMinor) {
    throw err('CONFLICT', 'This sale id was already used for a different sale.', 'رقم العملية مستخدم لعملية بيع أخرى.');
  }
  return prior;
}

export function persistOutcome(deps: Pick<SalesDeps, 'db' | 'now'>, saleId: string, userId: number | null, o: Outcome): void {
  const w = deps.db.write;
  const at = deps.now().toISOString();
  w.transaction(() => {
    setOutcome(w, saleId, o, at);
    appendAudit(w, { at, userId, action: `sale.${o.status}`, entity: 'sale', entityId: saleId, details: { errorCode: o.errorCode ?? null, tokenSource: o.tokenSource ?? null } });
    if (o.status === 'unknown') enqueue(w, { topic: 'sts.verify', key: saleId, saleId, payload: { saleId }, at });
  })();
}

export async function sell(deps: SalesDeps, user: User, req: SellRequest): Promise<Sale> {
  const id = req.saleId ?? randomUUID();
  const prior = getSale(deps.db.write, id);
  if (prior) return replay(prior, req);
  const { quote, meter } = quoteSale(deps, { meterNumber: req.meterNumber, amountMinor: req.amountMinor, tenderedMinor: req.tenderedMinor });

  const w = deps.db.write;
  const at = deps.now().toISOString();
  let rechargeRow = 0;
  w.transaction(() => {
    const receiptNo = nextReceiptNo(w);
    insertPaidSale(w, { id, receiptNo, userId: user.id, meterId: meter.id, quote, paymentMethod: req.paymentMethod, at });
    appendAudit(w, { at, userId: user.id, action: 'sale.paid', entity: 'sale', entityId: id, details: { receiptNo, meter: meter.number, chargedMinor: quote.chargedMinor } });
    enqueue(w, { topic: 'headoffice.sale', key: id, saleId: id, payload: { saleId: id }, at });
    if (meter.kind === 'acrel') {
      rechargeRow = enqueue(w, { topic: 'acrel.recharge', key: id, saleId: id, payload: { meterNumber: meter.number, amountMinor: quote.valueMinor }, at });
    }
  })();
  deps.log.info({ saleId: id, meter: meter.number, chargedMinor: quote.chargedMinor }, 'sale paid');

  if (meter.kind === 'sts') {
    persistOutcome(deps, id, user.id, await issueSts(deps, id, quote));
  } else {
    // The recharge travels through the outbox so that, offline, it is simply delivered later.
    // Its handler records `issued` / `failed` in the same transaction that settles the message.
    const result = await deps.outbox.deliverNow(rechargeRow);
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
  deps.outbox.kick();
  await printSale(deps, id, false);
  return getSale(w, id)!;
}
