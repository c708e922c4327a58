import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAtLeast } from '../../roles';
import { signOut } from '../actions/session';
import { navigate, usePath } from '../lib/router';
import { PAGES } from '../pages';
import { useMe, useSession } from '../session';
import { LangSwitch } from './LangSwitch';

/** The top bar (who, language, sign out) and the pages this role may open. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { setMe } = useSession();
  const path = usePath();
  const go = (e: MouseEvent<HTMLAnchorElement>, to: string) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(to);
  };
  const out = async () => {
    // Signed out here even if the service cannot be told: the cookie ends with the browser session.
    await signOut().catch(() => undefined);
    setMe(null);
    navigate('/console/', { replace: true });
  };
  return (
    <div className="shell">
      <header className="topbar console-topbar">
        <div className="topbar-row">
          <div className="topbar-id">
            <span className="brand-small">{t('app.brand')}</span>
            <span className="topbar-item">{t('app.subtitle')}</span>
          </div>
          <div className="console-who">
            <span className="topbar-item" data-testid="signed-in-as">{me.displayName}</span>
            <span className="role-badge" data-testid="signed-in-role">{t(`roles.${me.role}`)}</span>
            <LangSwitch />
            <button type="button" className="btn btn-ghost btn-small" data-testid="sign-out" onClick={() => void out()}>{t('nav.signOut')}</button>
          </div>
        </div>
        <nav className="console-nav" aria-label={t('nav.label')}>
          {PAGES.filter((p) => roleAtLeast(me.role, p.minRole)).map((p) => (
            <a key={p.path} href={p.path} className="console-tab" aria-current={path.startsWith(p.path) ? 'page' : undefined} data-testid={`nav-${p.navKey}`} onClick={(e) => go(e, p.path)}>
              {t(`nav.${p.navKey}`)}
            </a>
          ))}
        </nav>
      </header>
      <main className="console-main">{children}</main>
    </div>
  );
}
