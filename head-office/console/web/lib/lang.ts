import { useTranslation } from 'react-i18next';
import type { Lang } from './format';

export function useLang(): Lang {
  return useTranslation().i18n.language === 'en' ? 'en' : 'ar';
}
