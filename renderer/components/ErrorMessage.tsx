import type { Bilingual } from '../../preload/contract';
import { useSession } from '../stores/session';

/** A bilingual error shown in the current language (the other language kept as a tooltip). */
export function ErrorMessage({ message, id }: { message: Bilingual | null; id?: string }) {
  const lang = useSession((s) => s.lang);
  if (!message) return null;
  const other = lang === 'ar' ? message.en : message.ar;
  return (
    <p className="error-message" role="alert" id={id} data-testid="error-message" title={other}>
      {message[lang] || other}
    </p>
  );
}
