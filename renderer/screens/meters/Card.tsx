import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../preload/contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFormat } from '../../hooks/useFormat';

interface CardProps {
  title: string;
  testId: string;
  loading?: boolean;
  error?: Bilingual | null;
  /** When the value on the card was read (shown so a stale value is never taken for a fresh one). */
  readAt?: string | null;
  onRefresh?: () => void;
  className?: string;
  children: ReactNode;
}

/** A card of the meter page: title, refresh, its own error, then its content. */
export function Card({ title, testId, loading = false, error = null, readAt, onRefresh, className = '', children }: CardProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = `${testId}-title`;
  // A failed read leaves the last good values on the card, marked as possibly out of date.
  const stale = error !== null && Boolean(readAt);
  return (
    <section className={`mcard ${className}`} data-testid={testId} aria-labelledby={id} aria-busy={loading}>
      <header className="mcard-head">
        <h2 id={id} className="mcard-title">
          {title}
        </h2>
        {readAt && (
          <span className="mcard-time muted">
            {stale ? t('meters.lastReadAt') : t('meters.readAt')} <bdi>{f.time(readAt)}</bdi>
          </span>
        )}
        {onRefresh && (
          <button type="button" className="btn btn-small mcard-refresh" data-testid={`${testId}-refresh`} disabled={loading} onClick={onRefresh}>
            {loading ? t('meters.reading') : t('meters.refresh')}
          </button>
        )}
      </header>
      {error && (
        <div className="mcard-error">
          <ErrorMessage message={error} />
          {stale && <p className="field-hint">{t('meters.stale')}</p>}
        </div>
      )}
      <div className={`mcard-body${stale ? ' is-stale' : ''}`} data-stale={stale || undefined}>
        {children}
      </div>
    </section>
  );
}
