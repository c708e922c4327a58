import { useTranslation } from 'react-i18next';
import { useHistory } from '../../stores/history';
import { useFormat } from '../../hooks/useFormat';
import { groupToken } from '../../lib/token';

/** The last 3 tokens of one meter, newest first, big enough to read out to the customer. */
export function LastTokens() {
  const { t } = useTranslation();
  const f = useFormat();
  const last = useHistory((s) => s.lastTokens);
  if (!last) return null;
  return (
    <section className="panel last-tokens" data-testid="last-tokens" aria-labelledby="lt-title">
      <header className="day-report-head">
        <h2 id="lt-title" className="day-title">{t('history.lastTokensOf')} <bdi dir="ltr" className="mono">{last.meterNumber}</bdi></h2>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => useHistory.getState().patch({ lastTokens: null })}>{t('history.hide')}</button>
      </header>
      {last.tokens.length === 0 ? <p className="muted">{t('history.noTokens')}</p> : (
        <ol className="last-tokens-list">
          {last.tokens.map((tk) => (
            <li key={tk.saleId} data-testid="last-token">
              <output className="token token-small" dir="ltr" lang="en" translate="no">{groupToken(tk.token)}</output>
              <span className="muted">
                {t('history.receiptNo')} <bdi dir="ltr">{tk.receiptNo}</bdi> · <bdi>{f.dateTime(tk.createdAt)}</bdi> · <bdi>{f.money(tk.chargedMinor)}</bdi>
                {tk.energyTenths !== null && <> · <bdi>{f.energy(tk.energyTenths)}</bdi></>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
