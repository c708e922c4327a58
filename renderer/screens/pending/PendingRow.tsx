import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../preload/contract';
import { useFormat } from '../../hooks/useFormat';
import { usePending } from '../../stores/pending';
import { reprintPending } from '../../actions/pending';
import { ErrorMessage } from '../../components/ErrorMessage';
import { waitedFor } from './waited';

function explanationKey(sale: Sale): string {
  if (sale.status === 'unknown') return 'statusText.unknown';
  return sale.product === 'sts_kwh' ? 'statusText.pendingSts' : 'statusText.pendingAcrel';
}

/** One sale waiting for the connection: what, for whom, since when, and what happens next. */
export function PendingRow({ sale, now }: { sale: Sale; now: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const reprint = usePending((s) => (s.reprint?.saleId === sale.id ? s.reprint : null));
  const anyBusy = usePending((s) => s.reprint?.busy === true);
  const waited = waitedFor(sale.createdAt, now, f.lang);
  const sts = sale.product === 'sts_kwh';

  return (
    <li className="sync-row" data-testid="pending-row" data-receipt-no={sale.receiptNo} data-status={sale.status}>
      <div className="sync-row-head">
        <span className="sync-row-receipt">
          <span className="sync-label">{t('pending.receiptNo')}</span>{' '}
          <bdi dir="ltr" className="mono">{sale.receiptNo}</bdi>
        </span>
        <span className={`pill status-${sale.status}`}>{t(`status.${sale.status}`)}</span>
        <span className="sync-row-waited" data-testid="pending-waited">
          {waited ? t('pending.waited', { duration: waited }) : t('pending.justNow')}
        </span>
      </div>
      <dl className="sync-facts">
        <div>
          <dt>{t('pending.time')}</dt>
          <dd><bdi>{f.dateTime(sale.createdAt)}</bdi></dd>
        </div>
        <div>
          <dt>{t('pending.meter')}</dt>
          <dd><bdi dir="ltr" className="mono">{sale.meterNumber}</bdi></dd>
        </div>
        <div>
          <dt>{t('pending.customer')}</dt>
          <dd><bdi>{sale.customerName ?? t('pending.noCustomer')}</bdi></dd>
        </div>
        <div>
          <dt>{t('pending.product')}</dt>
          <dd>{t(`pending.products.${sale.product}`)}</dd>
        </div>
        <div>
          <dt>{t('pending.amount')}</dt>
          <dd><bdi className="sync-amount">{f.money(sale.chargedMinor)}</bdi></dd>
        </div>
        {!sts && (
          <div>
            <dt>{t('pending.credit')}</dt>
            <dd><bdi>{f.money(sale.valueMinor)}</bdi></dd>
          </div>
        )}
      </dl>
      <div className="sync-row-foot">
        <p className="sync-explain">{t(explanationKey(sale), { receiptNo: sale.receiptNo })}</p>
        <div className="sync-row-actions">
          <button type="button" className="btn btn-small" data-testid="pending-reprint" disabled={anyBusy} aria-busy={reprint?.busy}
            aria-label={t('pending.reprintLabel', { receiptNo: sale.receiptNo })} onClick={() => void reprintPending(sale.id)}>
            {reprint?.busy ? t('pending.printing') : t('pending.reprint')}
          </button>
          {reprint && !reprint.busy && !reprint.error && (
            <span className="sync-ok" role="status" data-testid="pending-reprint-result">
              {reprint.printed ? (reprint.copy ? t('pending.printedCopy') : t('pending.printed')) : t('pending.queued')}
            </span>
          )}
          {reprint?.error && <ErrorMessage message={reprint.error} />}
        </div>
      </div>
    </li>
  );
}
