import { useTranslation } from 'react-i18next';

const LEVELS = [1, 25, 50, 75];

/** RF link quality 0..100 % as four bars plus the number. */
export function SignalBars({ percent }: { percent: number | null }) {
  const { t } = useTranslation();
  if (percent === null) return <span className="muted">{t('meters.status.noSignal')}</span>;
  const lit = LEVELS.filter((l) => percent >= l).length;
  return (
    <span className={`signal signal-${lit}`} data-testid="meter-signal" data-signal={percent} aria-label={t('meters.status.signalLabel', { percent })}>
      <span className="signal-bars" aria-hidden="true">
        {LEVELS.map((l, i) => (
          <span key={l} className={`signal-bar${i < lit ? ' is-lit' : ''}`} style={{ blockSize: `${35 + i * 22}%` }} />
        ))}
      </span>
      <bdi dir="ltr" className="signal-number">
        {percent}%
      </bdi>
    </span>
  );
}
