import { useTranslation } from 'react-i18next';
import { saveStep } from '../../actions/setup';
import { useSession, type Lang } from '../../stores/session';
import { StepFrame } from './StepFrame';
import { useStepSave } from './useStepSave';

/** The language the screens open in at this counter; choosing one switches the screen at once. */
export function LanguageStep() {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const setLang = useSession((s) => s.setLang);
  const { busy, error, run } = useStepSave();
  const options: Array<{ value: Lang; label: string; note: string }> = [
    { value: 'ar', label: 'العربية', note: 'من اليمين إلى اليسار' },
    { value: 'en', label: 'English', note: 'Left to right' },
  ];
  return (
    <StepFrame title={t('setup.language.title')} intro={t('setup.language.intro')} error={error} busy={busy} onNext={() => void run(() => saveStep('setup.saveLanguage', { language: lang }))}>
      <div className="setup-languages" role="radiogroup" aria-label={t('setup.language.title')}>
        {options.map((o) => (
          <label key={o.value} className={`setup-language ${lang === o.value ? 'is-on' : ''}`} lang={o.value} dir={o.value === 'ar' ? 'rtl' : 'ltr'}>
            <input type="radio" name="language" value={o.value} data-testid={`setup-language-${o.value}`} checked={lang === o.value} onChange={() => setLang(o.value)} />
            <span className="setup-language-name">{o.label}</span>
            <span className="muted">{o.note}</span>
          </label>
        ))}
      </div>
    </StepFrame>
  );
}
