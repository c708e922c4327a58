import { useTranslation } from 'react-i18next';
import type { CounterView } from '../../../wire';
import { loadOutstanding } from '../../actions/reports';
import { ErrorText } from '../../components/ErrorText';
import { useLang } from '../../lib/lang';
import { reportMoney, timeIn } from '../../lib/report-format';
import { ageParts } from '../../lib/report-pivot';
import type { OutstandingFilters } from '../../lib/report-query';
import { useReport } from '../../lib/use-report';
import { CounterSelect } from './CounterSelect';
import { CsvLink } from './CsvLink';

/** A sale this long without a delivery is a matter for today, not tomorrow. */
const OLD_SECONDS = 24 * 3600;

/** Every sale the ledger still holds open, oldest first, and what each counter says it holds. */
export function OutstandingReport({ counters, filters: f, onFilters }: { counters: readonly CounterView[]; filters: OutstandingFilters; onFilters: (f: OutstandingFilters) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const r = useReport(f, loadOutstanding);
  const a = r.data;
  const age = (seconds: number) => {
    const p = ageParts(seconds);
    return p.days > 0 ? t('reports.age.days', { d: p.days, h: p.hours }) : p.hours > 0 ? t('reports.age.hours', { h: p.hours, m: p.minutes }) : t('reports.age.minutes', { m: p.minutes });
  };
  const since = (iso: string | null) => (a && iso ? age((Date.parse(a.at) - Date.parse(iso)) / 1000) : null);

  return (
    <div className="report" data-testid="outstanding-report" aria-busy={r.loading}>
      <form className="panel report-filters" onSubmit={(e) => e.preventDefault()}>
        <CounterSelect id="o-counter" value={f.counter} counters={counters} onChange={(counter) => onFilters({ counter })} />
        <div className="report-actions">
          <button type="button" className="btn btn-small" disabled={r.loading} onClick={r.reload}>{t('common.refresh')}</button>
          <CsvLink request={{ kind: 'outstanding', filters: f }} />
        </div>
      </form>
      <ErrorText error={r.error} />
      {!a && r.loading && <p className="panel muted">{t('common.loading')}</p>}
      {a && (
        <>
          <h2 className="report-h2">{t('reports.outstanding.salesTitle')}</h2>
          <p className="muted report-note">{t('reports.outstanding.salesIntro')} {t('reports.timesIn', { zone: a.timeZone })}</p>
          {a.truncated && <p className="notice" data-testid="report-truncated">{t('reports.truncated')}</p>}
          {a.sales.length === 0 ? (
            <p className="panel muted" data-testid="outstanding-empty">{t('reports.outstanding.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table report-table" data-testid="outstanding-table">
                <thead>
                  <tr>
                    <th scope="col">{t('reports.outstanding.age')}</th>
                    <th scope="col">{t('reports.counter')}</th>
                    <th scope="col" className="num">{t('reports.outstanding.receipt')}</th>
                    <th scope="col">{t('reports.outstanding.statusError')}</th>
                    <th scope="col">{t('reports.product')}</th>
                    <th scope="col">{t('reports.z.cashier')}</th>
                    <th scope="col">{t('reports.outstanding.meter')}</th>
                    <th scope="col" className="num">{t('reports.outstanding.charged')}</th>
                    <th scope="col">{t('reports.outstanding.soldAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.sales.map((s) => (
                    <tr key={s.saleId} data-testid="outstanding-row" data-sale={s.saleId}>
                      <td className={s.ageSeconds >= OLD_SECONDS ? 'is-warn' : undefined}>{age(s.ageSeconds)}</td>
                      <td><bdi>{s.counterName}</bdi></td>
                      <td className="num">{s.receiptNo}</td>
                      <td>
                        <span className={`tag tag-${s.status}`} title={t(`reports.statusWhy.${s.status}`)}>{t(`reports.statuses.${s.status}`)}</span>
                        {s.errorCode && <div className="muted small" title={t('reports.outstanding.error')}><bdi className="mono" dir="ltr">{s.errorCode}</bdi></div>}
                      </td>
                      <td>{t(`reports.products.${s.product}`)}</td>
                      <td><bdi>{s.cashier}</bdi></td>
                      <td><bdi className="mono" dir="ltr">{s.meterNumber}</bdi></td>
                      <td className="num"><bdi>{reportMoney(s.chargedMinor, s.currency, s.currencyDecimals, lang)}</bdi></td>
                      <td>{timeIn(s.soldAt, a.timeZone, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <h2 className="report-h2">{t('reports.outstanding.countersTitle')}</h2>
          <p className="muted report-note">{t('reports.outstanding.countersIntro')}</p>
          {a.counters.length === 0 ? (
            <p className="panel muted">{t('reports.outstanding.noCounters')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table report-table" data-testid="outstanding-counters">
                <thead>
                  <tr>
                    <th scope="col">{t('reports.counter')}</th>
                    <th scope="col">{t('reports.outstanding.lastSeen')}</th>
                    <th scope="col" className="num">{t('reports.outstanding.reportedPending')}</th>
                    <th scope="col" className="num">{t('reports.outstanding.reportedUnknown')}</th>
                    <th scope="col">{t('reports.outstanding.reportedAt')}</th>
                    <th scope="col" className="num">{t('reports.outstanding.ledgerOpen')}</th>
                    <th scope="col">{t('reports.outstanding.oldestOpen')}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.counters.map((c) => (
                    <tr key={c.counterId} className={c.revoked ? 'is-revoked' : undefined} data-testid="outstanding-counter" data-counter={c.name}>
                      <td>
                        <bdi>{c.name}</bdi>
                        {c.revoked && <span className="tag tag-danger report-inline-tag">{t('reports.outstanding.revoked')}</span>}
                      </td>
                      <td>
                        {c.lastSeenAt ? <>{timeIn(c.lastSeenAt, a.timeZone, lang)} <span className="muted small">({t('reports.ago', { age: since(c.lastSeenAt) })})</span></> : t('reports.outstanding.never')}
                      </td>
                      <td className={`num${(c.reported?.pendingSales ?? 0) > 0 ? ' is-warn' : ''}`}>{c.reported?.pendingSales ?? t('common.none')}</td>
                      <td className={`num${(c.reported?.unknownSales ?? 0) > 0 ? ' is-warn' : ''}`}>{c.reported?.unknownSales ?? t('common.none')}</td>
                      <td>{c.reported ? timeIn(c.reported.at, a.timeZone, lang) : t('reports.outstanding.neverReported')}</td>
                      <td className={`num${c.ledger.openCount > 0 ? ' is-warn' : ''}`} data-testid="ledger-open">{c.ledger.openCount}</td>
                      <td>{c.ledger.oldestAt ? timeIn(c.ledger.oldestAt, a.timeZone, lang) : t('common.none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
