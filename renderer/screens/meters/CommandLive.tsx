import { useTranslation } from 'react-i18next';
import { useMeterCommand } from '../../stores/metersCommand';
import { useFormat } from '../../hooks/useFormat';
import { commandDetail } from './commandDetail';

const STEPS = ['pending', 'sent', 'done'] as const;

/** The command just sent: queued -> sent to the cloud -> carried out (or refused), as it happens. */
export function CommandLive() {
  const { t } = useTranslation();
  const f = useFormat();
  const c = useMeterCommand((s) => s.current);
  if (!c) return null;
  const reached = c.status === 'failed' ? (c.sentAt ? 1 : 0) : STEPS.indexOf(c.status);
  const detail = commandDetail(c, t);
  return (
    <section className={`command-live status-${c.status}`} data-testid="command-status" data-status={c.status} data-command-id={c.id} aria-live="polite">
      <h3 className="command-live-title">
        {t(`meters.kind.${c.kind}`)}
        {detail && <bdi className="muted"> · {detail}</bdi>}
      </h3>
      <ol className="steps">
        {STEPS.map((s, i) => (
          <li key={s} className={`step${i <= reached ? ' is-reached' : ''}${i === reached && c.status !== 'failed' ? ' is-current' : ''}`}>
            {t(`meters.commandStatus.${s}`)}
          </li>
        ))}
        {c.status === 'failed' && <li className="step is-failed">{t('meters.commandStatus.failed')}</li>}
      </ol>
      <p className="command-live-text">
        {t(`meters.commandText.${c.status}`)}
        {c.completedAt && (
          <>
            {' '}
            <bdi>{f.dateTime(c.completedAt)}</bdi>
          </>
        )}
      </p>
      {c.error && (
        <p className="result-error" data-testid="command-error">
          {f.text(c.error.message)}
        </p>
      )}
    </section>
  );
}
