import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFormat } from '../../hooks/useFormat';
import { useSaleFlow } from '../../stores/sale';
import { toFailure } from '../../transport';
import { refreshPrintProblems, resolveJob, usePrintProblems } from './actions';
import type { Bilingual } from '../../../preload/contract';
import '../../styles/printer.css';

const POLL_MS = 4000;
const SHOWN = 3;

/** On the sell screen: receipts that did not print, each with Retry and Reprint, in plain words. */
export function PrintAlert() {
  const { t } = useTranslation();
  const f = useFormat();
  const jobs = usePrintProblems((s) => s.jobs);
  const busy = usePrintProblems((s) => s.busy);
  // A sale's print status changing (a new sale, Print again) is a good moment to look again.
  const saleKey = useSaleFlow((s) => `${s.sale?.id ?? ''}:${s.sale?.printStatus ?? ''}:${String(s.printOutcome?.printed ?? '')}`);
  const [error, setError] = useState<Bilingual | null>(null);
  useEffect(() => {
    void refreshPrintProblems();
    const h = window.setInterval(() => void refreshPrintProblems(), POLL_MS);
    return () => window.clearInterval(h);
  }, [saleKey]);
  if (jobs.length === 0) return null;

  const act = (id: number, how: 'retry' | 'reprint') => {
    setError(null);
    resolveJob(id, how)
      .then((r) => r.error && setError(r.error))
      .catch((e: unknown) => setError(toFailure(e).error.message));
  };
  return (
    <section className="print-alert" role="alert" data-testid="print-alert">
      <h2 className="print-alert-title">{t('printAlert.title', { count: jobs.length })}</h2>
      <p className="print-alert-help">{t('printAlert.help')}</p>
      <ul className="print-alert-list">
        {jobs.slice(0, SHOWN).map((j) => (
          <li key={j.id} className="print-alert-row" data-testid="print-alert-row">
            <span className="print-alert-receipt">
              {t(j.copy ? 'printAlert.receiptCopy' : 'printAlert.receipt')} <bdi dir="ltr" className="mono">{j.receiptNo}</bdi>
            </span>
            <span className="print-alert-reason">{j.error ? f.text(j.error) : ''}</span>
            <span className="print-alert-actions">
              <button type="button" className="btn btn-small btn-primary" data-testid="print-retry" disabled={busy !== null} onClick={() => act(j.id, 'retry')}>
                {busy === j.id ? t('result.printing') : t('printAlert.retry')}
              </button>
              <button type="button" className="btn btn-small" data-testid="print-reprint" disabled={busy !== null} title={t('printAlert.reprintHint')} onClick={() => act(j.id, 'reprint')}>
                {t('printAlert.reprint')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {jobs.length > SHOWN && <p className="muted">{t('printAlert.more', { count: jobs.length - SHOWN })}</p>}
      <ErrorMessage message={error} />
    </section>
  );
}
