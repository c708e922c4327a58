import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';

/** In Arabic, numbers in Latin (123) or Arabic-Indic (١٢٣) digits. Tokens always stay Latin. */
export function DigitsSwitch() {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const digits = useSession((s) => s.digits);
  const setDigits = useSession((s) => s.setDigits);
  if (lang !== 'ar') return null;
  const next = digits === 'arab' ? 'latn' : 'arab';
  return (
    <button type="button" className="btn btn-ghost digits-switch" data-testid="digits-switch" data-digits={digits}
      aria-label={t('digits.switchLabel')} title={t('digits.switchLabel')} onClick={() => setDigits(next)}>
      <bdi dir="ltr">{next === 'arab' ? '١٢٣' : '123'}</bdi>
    </button>
  );
}
