import { useTranslation } from 'react-i18next';
import { useSetup } from '../../stores/setup';
import { STEPS } from './steps';

/** Where the flow stands: every step, the ones done ticked, the one on screen marked. */
export function SetupProgress() {
  const { t } = useTranslation();
  const step = useSetup((s) => s.step);
  const done = useSetup((s) => s.status?.done ?? []);
  const current = STEPS.indexOf(step);
  return (
    <ol className="setup-progress" aria-label={t('setup.progress', { n: current + 1, of: STEPS.length })} data-testid="setup-progress">
      {STEPS.map((s, i) => {
        const state = s === step ? 'current' : done.includes(s) ? 'done' : 'todo';
        return (
          <li key={s} className={`setup-progress-step is-${state}`} aria-current={s === step ? 'step' : undefined}>
            <span className="setup-progress-mark" aria-hidden="true">{state === 'done' ? '✓' : i + 1}</span>
            <span className="setup-progress-label">{t(`setup.${s}.short`)}</span>
          </li>
        );
      })}
    </ol>
  );
}
