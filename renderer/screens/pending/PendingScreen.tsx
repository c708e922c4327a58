import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePending } from '../../stores/pending';
import { useSync } from '../../stores/sync';
import { refreshPending } from '../../actions/pending';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFormat } from '../../hooks/useFormat';
import { PendingRow } from './PendingRow';
import '../../styles/sync-screens.css';

const POLL_MS = 3000;

/** The cashier's list of paid sales still on their way to the meter or the vendor. */
export function PendingScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const { sales, loaded, error, checkedAt } = usePending();
  const syncing = useSync((s) => s.syncing);
  const toSend = useSync((s) => s.status?.pending ?? 0);
  const wasSyncing = useRef(false);

  useEffect(() => {
    void refreshPending();
    const h = window.setInterval(() => void refreshPending(), POLL_MS);
    return () => window.clearInterval(h);
  }, []);
  // "Sync now" in the top bar: read the list again as soon as it has finished.
  useEffect(() => {
    if (wasSyncing.current && !syncing) void refreshPending();
    wasSyncing.current = syncing;
  }, [syncing]);

  return (
    <main className="sync-screen" aria-labelledby="pending-title">
      <header className="sync-screen-head">
        <div>
          <h1 id="pending-title" className="sync-title">
            {t('pending.title')}
            {loaded && sales.length > 0 && <bdi className="sync-title-count" data-testid="pending-count">{sales.length}</bdi>}
          </h1>
          <p className="muted">{t('pending.intro')}</p>
        </div>
        {checkedAt > 0 && (
          <span className="muted sync-checked">
            {t('pending.checkedAt')} <bdi>{f.time(new Date(checkedAt).toISOString())}</bdi>
          </span>
        )}
      </header>
      <ErrorMessage message={error} />
      {loaded && toSend > 0 && toSend !== sales.length && <p className="sync-note">{t('pending.otherMessages', { count: toSend })}</p>}
      {!loaded && !error && <p className="muted">{t('pending.loading')}</p>}
      {loaded && sales.length === 0 && (
        <div className="sync-empty" data-testid="pending-empty">
          <p className="sync-empty-title">{t('pending.empty')}</p>
          <p className="muted">{t('pending.emptyHint')}</p>
        </div>
      )}
      <ul className="sync-list" data-testid="pending-list" aria-label={t('pending.title')}>
        {sales.map((s) => (
          <PendingRow key={s.id} sale={s} now={checkedAt} />
        ))}
      </ul>
    </main>
  );
}
