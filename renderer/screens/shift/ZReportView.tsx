import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, ZReport } from '../../../preload/contract';
import { useFormat } from '../../hooks/useFormat';
import { useShift } from '../../stores/shift';
import { downloadZCsv, printZ } from '../../actions/shiftZ';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ReportTotals } from './ReportTotals';
import { OpenSales } from './OpenSales';

/** The numbered, immutable Z report: expected vs counted cash and the variance, then the totals. */
export function ZReportView({ z }: { z: ZReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const closeNote = useShift((s) => s.closeNote);
  const [msg, setMsg] = useState<{ ok: string | null; error: Bilingual | null }>({ ok: null, error: closeNote?.print ?? closeNote?.backup ?? null });
  const v = z.varianceMinor;
  const varianceClass = v === 0 ? 'is-even' : v < 0 ? 'is-short' : 'is-over';
  const print = async () => {
    const r = await printZ(z.zNo);
    setMsg({ ok: r.ok ? t('shift.zPrinted') : null, error: r.error });
  };
  const csv = async () => setMsg({ ok: null, error: await downloadZCsv(z.zNo) });
  return (
    <section className="panel day-report" data-testid="z-report" data-z-no={z.zNo} aria-labelledby="z-title">
      <header className="day-report-head">
        <h2 id="z-title" className="day-title">{t('shift.zTitle')} <bdi dir="ltr" className="mono" data-testid="z-no">{z.zNo}</bdi></h2>
        <span className="muted">
          {t('shift.closedAt')} <bdi>{f.dateTime(z.closedAt)}</bdi> · <bdi>{z.closedBy.displayName}</bdi>
        </span>
      </header>
      <div className="day-facts day-cash">
        <div className="day-fact">
          <span className="day-fact-label">{t('shift.expected')}</span>
          <bdi className="day-fact-value" data-testid="z-expected">{f.money(z.expectedCashMinor)}</bdi>
        </div>
        <div className="day-fact">
          <span className="day-fact-label">{t('shift.counted')}</span>
          <bdi className="day-fact-value" data-testid="z-counted">{f.money(z.countedCashMinor)}</bdi>
        </div>
        <div className={`day-fact day-variance ${varianceClass}`}>
          <span className="day-fact-label">{t(v === 0 ? 'shift.varianceEven' : v < 0 ? 'shift.varianceShort' : 'shift.varianceOver')}</span>
          <bdi className="day-fact-value" data-testid="z-variance" data-minor={v}>{v < 0 ? `−${f.money(-v)}` : v > 0 ? `+${f.money(v)}` : f.money(0)}</bdi>
        </div>
      </div>
      <div className="day-actions">
        <button type="button" className="btn" data-testid="z-print" onClick={() => void print()}>{t('shift.printAgain')}</button>
        <button type="button" className="btn" data-testid="z-csv" onClick={() => void csv()}>{t('shift.downloadCsv')}</button>
        {msg.ok && <span className="sync-ok" role="status">{msg.ok}</span>}
      </div>
      <ErrorMessage message={msg.error} />
      <ReportTotals totals={z.totals} />
      <OpenSales totals={z.totals} />
      <p className="muted day-hash" dir="ltr">SHA-256 <span className="mono">{z.hash.slice(0, 16)}…</span></p>
    </section>
  );
}
