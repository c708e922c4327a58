// Start-up reconciliation: a crash between "paid" and the outcome leaves sales in `paid`.
// STS: we cannot know whether the vendor made the token, so the sale becomes `unknown` and is
// verified by its key (the worker sends verifications first). Money credit: the recharge is
// already in the outbox, so it is `pending`. An account settlement (postpaid/credit) calls no
// vendor: its effect was committed with the payment, so it is `issued`.
import { getSale, saleIdsInStatus } from '../../db/repos/sales';
import type { Outcome } from '../../db/repos/sales';
import { persistOutcome } from './sell';
import type { SalesDeps } from './ports';

function outcomeAfterCrash(deps: Pick<SalesDeps, 'db'>, id: string, product: string): Outcome {
  if (getSale(deps.db.write, id)?.kind === 'settlement') return { status: 'issued', errorCode: null, errorMessage: null };
  return product === 'sts_kwh'
    ? { status: 'unknown', errorCode: 'OUTCOME_UNKNOWN', errorMessage: { en: 'Interrupted while issuing; confirming with the vendor.', ar: 'انقطعت العملية أثناء الإصدار؛ يجري التأكد مع المزود.' } }
    : { status: 'pending', errorCode: 'OFFLINE', errorMessage: { en: 'The credit will be sent to the meter automatically.', ar: 'سيُرسل الرصيد إلى العداد تلقائياً.' } };
}

export function reconcileAtStartup(deps: Pick<SalesDeps, 'db' | 'now' | 'log'>): number {
  const stranded = saleIdsInStatus(deps.db.write, ['paid']);
  for (const s of stranded) {
    const o = outcomeAfterCrash(deps, s.id, s.product);
    persistOutcome(deps, s.id, null, o);
    deps.log.warn({ saleId: s.id, status: o.status }, 'sale reconciled at start-up');
  }
  return stranded.length;
}
