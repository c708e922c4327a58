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
  return (
    <section className={`mcard ${className}`} data-testid={testId} aria-labelledby={id} aria-busy={loading}>
      <header className="mcard-head">
        <h2 id={id} className="mcard-title">
          {title}
        </h2>
        {readAt && (
          <span className="mcard-time muted">
            {t('meters.readAt')} <bdi>{f.time(readAt)}</bdi>
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
        </div>
      )}
      {children}
    </section>
  );
}
