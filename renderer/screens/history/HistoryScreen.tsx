import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useHistory } from '../../stores/history';
import { newerHistory, olderHistory, searchHistory } from '../../actions/historySearch';
import { closeHistorySale } from '../../actions/historyDetail';
import { reprintFromHistory } from '../../actions/historyReprint';
import { useApproval } from '../../stores/approval';
import { ErrorMessage } from '../../components/ErrorMessage';
import { HistoryFilters } from './HistoryFilters';
import { HistoryTable } from './HistoryTable';
import { HistoryDetail } from './HistoryDetail';
import { LastTokens } from './LastTokens';
import '../../styles/day.css';

/** Sales history: search, page (PageUp newer, PageDown older), open a sale, reprint; the last tokens of a meter. */
export function HistoryScreen() {
  const { t } = useTranslation();
  const detail = useHistory((s) => s.detail);
  const error = useHistory((s) => s.error);
  useEffect(() => {
    if (!useHistory.getState().searched) void searchHistory();
  }, []);
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (useApproval.getState().request) return;
      const d = useHistory.getState().detail;
      if (e.key === 'Escape' && d) {
        e.preventDefault();
        closeHistorySale();
      } else if (e.key === 'F8' && d) {
        e.preventDefault();
        void reprintFromHistory(d.id);
      } else if ((e.key === 'PageDown' || e.key === 'PageUp') && !(e.target instanceof HTMLSelectElement)) {
        // A select keeps PageUp/PageDown for its own options.
        e.preventDefault();
        void (e.key === 'PageDown' ? olderHistory() : newerHistory());
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <main className="day">
      <h1 className="visually-hidden">{t('history.title')}</h1>
      <HistoryFilters />
      <ErrorMessage message={error} />
      <LastTokens />
      <div className={detail ? 'day-split' : undefined}>
        <HistoryTable />
        {detail && <HistoryDetail sale={detail} />}
      </div>
    </main>
  );
}
