import { useTranslation } from 'react-i18next';
import { applyLanguage } from '../i18n';

export function LangSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'ar' ? 'en' : 'ar';
  return (
    <button type="button" className="btn btn-ghost btn-small" data-testid="lang-switch" lang={next} aria-label={t('lang.switchLabel')} onClick={() => applyLanguage(next)}>
      {t('lang.switchTo')}
    </button>
  );
}
