import { useTranslation } from 'react-i18next';
import type { DayReport } from '../../stores/shift';
import { useFormat } from '../../hooks/useFormat';
import { ReportTotals } from './ReportTotals';
import { OpenSales } from './OpenSales';

/** The X report: the open shift's totals now, read-only. The expected cash only for supervisors. */
export function XReport({ x, onRefresh }: { x: DayReport; onRefresh(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="panel day-report" data-testid="shift-x-report" aria-labelledby="x-title">
      <header className="day-report-head">
        <h2 id="x-title" className="day-title">{t('shift.xTitle', { id: x.shift.id })}</h2>
        <span className="muted">
          {t('shift.openedAt')} <bdi>{f.dateTime(x.shift.openedAt)}</bdi> · {t('shift.at')} <bdi>{f.time(x.at)}</bdi>
        </span>
        <button type="button" className="btn btn-small" data-testid="x-refresh" onClick={onRefresh}>
          {t('shift.refresh')} <kbd dir="ltr">F5</kbd>
        </button>
      </header>
      <div className="day-facts">
        <div className="day-fact">
          <span className="day-fact-label">{t('shift.float')}</span>
          <bdi className="day-fact-value">{f.money(x.totals.cash.floatMinor)}</bdi>
        </div>
        {x.expectedCashMinor !== null && (
          <div className="day-fact">
            <span className="day-fact-label">{t('shift.expected')}</span>
            <bdi className="day-fact-value" data-testid="x-expected">{f.money(x.expectedCashMinor)}</bdi>
          </div>
        )}
      </div>
      <ReportTotals totals={x.totals} />
      <OpenSales totals={x.totals} />
    </section>
  );
}
