// Start-up reconciliation: a crash between "paid" and the outcome leaves sales in `paid`.
// STS: we cannot know whether the vendor made the token, so the sale becomes `unknown` and is
// verified by its key. Money credit: the recharge is already in the outbox, so it is `pending`.
import { saleIdsInStatus } from '../../db/repos/sales';
import { persistOutcome } from './sell';
import type { SalesDeps } from './ports';

export function reconcileAtStartup(deps: Pick<SalesDeps, 'db' | 'now' | 'log'>): number {
  const stranded = saleIdsInStatus(deps.db.write, ['paid']);
  for (const s of stranded) {
    persistOutcome(deps, s.id, null, s.product === 'sts_kwh'
      ? { status: 'unknown', errorCode: 'OUTCOME_UNKNOWN', errorMessage: { en: 'Interrupted while issuing; confirming with the vendor.', ar: 'انقطعت العملية أثناء الإصدار؛ يجري التأكد مع المزود.' } }
      : { status: 'pending', errorCode: 'OFFLINE', errorMessage: { en: 'The credit will be sent to the meter automatically.', ar: 'سيُرسل الرصيد إلى العداد تلقائياً.' } });
    deps.log.warn({ saleId: s.id }, 'sale reconciled at start-up');
  }
  return stranded.length;
}
