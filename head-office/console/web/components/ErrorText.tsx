import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';

/** A refusal in the language on screen: the service's own words (it sends both). */
export function ErrorText({ error }: { error: unknown }) {
  const { i18n } = useTranslation();
  if (error === null || error === undefined) return null;
  const lang = i18n.language === 'en' ? 'en' : 'ar';
  const text = error instanceof ApiError ? error.text[lang] : typeof error === 'string' ? error : (error as Error).message;
  return (
    <p className="error-message" role="alert" data-testid="error">
      {text}
    </p>
  );
}
