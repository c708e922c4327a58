import { useTranslation } from 'react-i18next';
import { Z_FLAGS, type ZReportRow } from '../../../../reports/wire';
import type { CounterView } from '../../../wire';
import { loadZReports } from '../../actions/reports';
import { ErrorText } from '../../components/ErrorText';
import { useLang } from '../../lib/lang';
import { reportMoney, timeIn, today } from '../../lib/report-format';
import { addDays, varianceTone } from '../../lib/report-pivot';
import { rangeProblem, type ZFilters } from '../../lib/report-query';
import { useReport } from '../../lib/use-report';
import { CounterSelect } from './CounterSelect';
import { CsvLink } from './CsvLink';
import { DayRange } from './DayRange';
import { ZFlagBadges } from './ZFlagBadges';

/** Each Z report closed in the range, the counter's figures beside the ledger's recount. */
export const defaultZFilters = (): ZFilters => ({ from: addDays(today(), -6), to: today(), counter: '' });

export function ZReportsReport({ counters, filters: f, onFilters }: { counters: readonly CounterView[]; filters: ZFilters; onFilters: (f: ZFilters) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  // A list, not a chart: any range the service takes (a long one ends in the truncation notice).
  const problem = ((p) => (p === 'long' ? null : p))(rangeProblem(f));
  const r = useReport(problem ? null : f, loadZReports);
  // Figures of an earlier range stay hidden while the range on screen is not one to ask for.
  const a = problem ? undefined : r.data;
  const flagged = a ? a.rows.filter((z) => z.flags.length > 0).length : 0;
  const seen = new Set(a?.rows.flatMap((z) => z.flags));
  const m = (z: ZReportRow, minor: number) => <bdi>{reportMoney(minor, z.currency, z.currencyDecimals, lang)}</bdi>;

  return (
    <div className="report" data-testid="z-report" aria-busy={r.loading}>
      <form className="panel report-filters" onSubmit={(e) => e.preventDefault()}>
        <DayRange idPrefix="z" from={f.from} to={f.to} onChange={(d) => onFilters({ ...f, ...d })} />
        <CounterSelect id="z-counter" value={f.counter} counters={counters} onChange={(counter) => onFilters({ ...f, counter })} />
        <div className="report-actions">
          <button type="button" className="btn btn-small" disabled={r.loading || problem !== null} onClick={r.reload}>{t('common.refresh')}</button>
          <CsvLink request={{ kind: 'z-reports', filters: f }} disabled={problem !== null} />
        </div>
      </form>
      {problem && <ErrorText error={t(`reports.range.${problem}`)} />}
      <ErrorText error={r.error} />
      {!a && r.loading && <p className="panel muted">{t('common.loading')}</p>}
      {a && a.rows.length === 0 && <p className="panel muted" data-testid="z-empty">{t('reports.z.empty')}</p>}
      {a && a.rows.length > 0 && (
        <>
          <p className="muted report-note">
            {t('reports.z.summary', { count: a.rows.length, flagged })} {t('reports.timesIn', { zone: a.timeZone })}
          </p>
          {a.truncated && <p className="notice" data-testid="report-truncated">{t('reports.truncated')}</p>}
          <div className="table-wrap">
            <table className="table report-table z-table" data-testid="z-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.z.who')}</th>
                  <th scope="col">{t('reports.z.closedAt')}</th>
                  <th scope="col" className="num">{t('reports.z.expected')}</th>
                  <th scope="col" className="num">{t('reports.z.counted')}</th>
                  <th scope="col" className="num">{t('reports.z.variance')}</th>
                  <th scope="col" className="num" title={t('reports.z.salesWhy')}>{t('reports.z.sales')}</th>
                  <th scope="col" className="num" title={t('reports.z.chargedWhy')}>{t('reports.z.charged')}</th>
                  <th scope="col" className="num" title={t('reports.z.ledgerExpectedWhy')}>{t('reports.z.ledgerExpected')}</th>
                  <th scope="col">{t('reports.z.flags')}</th>
                </tr>
              </thead>
              <tbody>
                {a.rows.map((z) => {
                  const tone = varianceTone(z.varianceMinor);
                  return (
                    <tr key={`${z.counterId}:${z.zNo}`} className={z.flags.length > 0 ? 'is-flagged' : undefined} data-testid="z-row" data-z={`${z.counterName}#${z.zNo}`}>
                      <td>
                        <div><bdi>{z.counterName}</bdi></div>
                        <div className="muted small">{t('reports.z.zNoCashier', { zNo: z.zNo })} <bdi>{z.cashier}</bdi></div>
                      </td>
                      <td>{timeIn(z.closedAt, a.timeZone, lang)}</td>
                      <td className="num">{m(z, z.expectedCashMinor)}</td>
                      <td className="num">{m(z, z.countedCashMinor)}</td>
                      <td className={`num variance variance-${tone}`} data-testid="z-variance">
                        {m(z, z.varianceMinor)}
                        {tone !== 'even' && <span className="variance-word">{t(`reports.z.${tone}`)}</span>}
                      </td>
                      <td className={`num${z.difference.salesCount !== 0 ? ' is-diff' : ''}`}>
                        {z.counter.salesCount} / {z.ledger.salesCount}
                      </td>
                      <td className={`num${z.difference.chargedMinor !== 0 ? ' is-diff' : ''}`}>
                        <div>{m(z, z.counter.chargedMinor)}</div>
                        <div className="muted">{m(z, z.ledger.chargedMinor)}</div>
                      </td>
                      <td className={`num${z.difference.expectedCashMinor !== 0 ? ' is-diff' : ''}`}>{m(z, z.ledger.expectedCashMinor)}</td>
                      <td className="flags-cell">
                        <ZFlagBadges flags={z.flags} />
                        {z.missingReceiptNos.length > 0 && (
                          <div className="muted small" data-testid="z-missing">{t('reports.z.missingReceipts', { list: z.missingReceiptNos.join('، ') })}</div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {seen.size > 0 && (
            <dl className="panel flag-legend" data-testid="flag-legend">
              <dt className="flag-legend-title">{t('reports.z.legendTitle')}</dt>
              {Z_FLAGS.filter((k) => seen.has(k)).map((k) => (
                <dd key={k}><ZFlagBadges flags={[k]} /> {t(`reports.flags.${k}.why`)}</dd>
              ))}
            </dl>
          )}
        </>
      )}
    </div>
  );
}
