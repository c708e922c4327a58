import { useTranslation } from 'react-i18next';
import { PAGE, useHistory } from '../../stores/history';
import { newerHistory, olderHistory } from '../../actions/historySearch';
import { openHistorySale } from '../../actions/historyDetail';
import { useFormat } from '../../hooks/useFormat';

/** One page of results, newest first; a row opens the sale. PageUp/PageDown (or the buttons) move to newer/older pages. */
export function HistoryTable() {
  const { t } = useTranslation();
  const f = useFormat();
  const { items, total, totalCapped, trail, next, searched, busy } = useHistory();
  if (!searched) return <p className="muted">{t('history.hint')}</p>;
  if (items.length === 0) return <p className="muted" data-testid="history-empty">{t('history.none')}</p>;
  const first = trail.length * PAGE + 1;
  const range = { first: f.whole(first), last: f.whole(first + items.length - 1), total: f.whole(total) };
  return (
    <section className="history-results" aria-live="polite">
      <table className="table history-table">
        <thead>
          <tr>
            <th>{t('history.receiptNo')}</th>
            <th>{t('history.time')}</th>
            <th>{t('history.meter')}</th>
            <th>{t('history.customer')}</th>
            <th>{t('history.product')}</th>
            <th>{t('history.amount')}</th>
            <th>{t('history.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id} className="history-row" data-testid="history-row" data-receipt-no={s.receiptNo} tabIndex={0}
              onClick={() => void openHistorySale(s.id)} onKeyDown={(e) => e.key === 'Enter' && void openHistorySale(s.id)}>
              <td><bdi dir="ltr" className="mono">{s.receiptNo}</bdi></td>
              <td><bdi>{f.dateTime(s.createdAt)}</bdi></td>
              <td><bdi dir="ltr" className="mono">{s.meterNumber}</bdi></td>
              <td><bdi>{s.customerName ?? '—'}</bdi></td>
              <td>{t(`shift.products.${s.product}`)}</td>
              <td><bdi>{f.money(s.chargedMinor)}</bdi></td>
              <td><span className={`pill status-${s.status}`}>{t(`status.${s.status}`)}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="history-pager">
        <button type="button" className="btn btn-small" data-testid="history-prev" disabled={busy || trail.length === 0} onClick={() => void newerHistory()}>
          {t('history.prev')} <kbd dir="ltr">PgUp</kbd>
        </button>
        <span data-testid="history-range" data-total={total} data-capped={totalCapped}>
          <bdi>{t(totalCapped ? 'history.rangeCapped' : 'history.range', range)}</bdi>
        </span>
        <button type="button" className="btn btn-small" data-testid="history-next" disabled={busy || !next} onClick={() => void olderHistory()}>
          {t('history.next')} <kbd dir="ltr">PgDn</kbd>
        </button>
      </div>
    </section>
  );
}
