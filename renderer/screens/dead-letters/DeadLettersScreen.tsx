import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeadLetters } from '../../stores/deadLetters';
import { refreshDeadLetters } from '../../actions/deadLetters';
import { ErrorMessage } from '../../components/ErrorMessage';
import { DeadLetterRow } from './DeadLetterRow';
import { ConfirmDialog } from './ConfirmDialog';
import { BackupPanel } from './BackupPanel';
import '../../styles/sync-screens.css';

const POLL_MS = 5000;

/** The supervisor's list of messages refused for good: retry or resolve each; back up the data. */
export function DeadLettersScreen() {
  const { t } = useTranslation();
  const { letters, loaded, error, done } = useDeadLetters();

  useEffect(() => {
    useDeadLetters.getState().patch({ done: null });
    void refreshDeadLetters();
    const h = window.setInterval(() => void refreshDeadLetters(), POLL_MS);
    return () => window.clearInterval(h);
  }, []);

  return (
    <main className="sync-screen sync-screen-split" aria-labelledby="dead-title">
      <div className="sync-main">
        <header className="sync-screen-head">
          <div>
            <h1 id="dead-title" className="sync-title">
              {t('deadLetters.title')}
              {loaded && <bdi className="sync-title-count is-dead" data-testid="dead-letters-count">{letters.length}</bdi>}
            </h1>
            <p className="muted">{t('deadLetters.intro')}</p>
          </div>
        </header>
        <ErrorMessage message={error} />
        {done && (
          <p className="sync-ok sync-done" role="status" data-testid="dead-letter-done">
            {t(done.kind === 'retry' ? 'deadLetters.doneRetry' : 'deadLetters.doneResolve', { id: done.id })}
          </p>
        )}
        {!loaded && !error && <p className="muted">{t('deadLetters.loading')}</p>}
        {loaded && letters.length === 0 && (
          <div className="sync-empty" data-testid="dead-letters-empty">
            <p className="sync-empty-title">{t('deadLetters.empty')}</p>
            <p className="muted">{t('deadLetters.emptyHint')}</p>
          </div>
        )}
        <ul className="sync-list" data-testid="dead-letters-list" aria-label={t('deadLetters.title')}>
          {letters.map((l) => (
            <DeadLetterRow key={l.id} letter={l} />
          ))}
        </ul>
      </div>
      <aside className="sync-side">
        <BackupPanel />
      </aside>
      <ConfirmDialog />
    </main>
  );
}
