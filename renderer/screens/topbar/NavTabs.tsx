import { useTranslation } from 'react-i18next';
import { useNav } from '../../stores/nav';
import { useSession } from '../../stores/session';
import { screensFor } from '../registry';

/** The screens this user may open; nothing is shown when there is only the sell screen. */
export function NavTabs() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const { screen, go } = useNav();
  const screens = role ? screensFor(role) : [];
  if (screens.length < 2) return null;
  return (
    <nav className="nav-tabs" aria-label={t('nav.label')}>
      {screens.map((s) => (
        <button key={s.id} type="button" className={`nav-tab${s.id === screen ? ' nav-tab-active' : ''}`}
          aria-current={s.id === screen ? 'page' : undefined} data-testid={`nav-${s.id}`} onClick={() => go(s.id)}>
          {t(s.label)}
        </button>
      ))}
    </nav>
  );
}
