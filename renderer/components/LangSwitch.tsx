import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';

export function LangSwitch() {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const setLang = useSession((s) => s.setLang);
  const next = lang === 'ar' ? 'en' : 'ar';
  return (
    <button
      type="button"
      className="btn btn-ghost lang-switch"
      data-testid="lang-switch"
      lang={next}
      aria-label={t('lang.switchLabel')}
      onClick={() => setLang(next)}
    >
      {t('lang.switchTo')}
    </button>
  );
}
