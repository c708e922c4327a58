import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecent } from '../../stores/recent';
import { refreshRecent } from '../../actions/recent';
import { showSale } from '../../actions/print';
import { useFormat } from '../../hooks/useFormat';

/** The last few sales, to read a token again or reprint. */
export function RecentSales() {
  const { t } = useTranslation();
  const f = useFormat();
  const sales = useRecent((s) => s.sales);
  useEffect(() => void refreshRecent(), []);

  return (
    <section className="recent" data-testid="recent-sales">
      <h2 className="section-title">{t('recent.title')}</h2>
      {sales.length === 0 ? (
        <p className="muted">{t('recent.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('recent.receipt')}</th>
              <th>{t('recent.time')}</th>
              <th>{t('recent.meter')}</th>
              <th>{t('recent.amount')}</th>
              <th>{t('recent.status')}</th>
            </tr>
          </thead>
          <tbody>
            {sales.map((s) => (
              <tr key={s.id}>
                <td>
                  <button
                    type="button"
                    className="btn-link"
                    aria-label={t('recent.show', { receiptNo: s.receiptNo })}
                    onClick={() => void showSale(s.id)}
                  >
                    <bdi dir="ltr">{s.receiptNo}</bdi>
                  </button>
                </td>
                <td>
                  <bdi>{f.time(s.createdAt)}</bdi>
                </td>
                <td>
                  <bdi dir="ltr" className="mono">
                    {s.meterNumber}
                  </bdi>
                </td>
                <td>
                  <bdi>{f.money(s.chargedMinor)}</bdi>
                </td>
                <td>
                  <span className={`pill status-${s.status}`}>{t(`status.${s.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
