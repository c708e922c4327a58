import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAtLeast } from '../roles';
import { Layout } from './components/Layout';
import { navigate, usePath } from './lib/router';
import { HOME, PAGES } from './pages';
import { SignInPage } from './pages/SignInPage';
import { SessionProvider, useSession } from './session';

export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}

/** Sign-in until someone is signed in; then the page of the address bar, if their role sees it. */
function Gate() {
  const { t } = useTranslation();
  const { me } = useSession();
  const path = usePath().replace(/\/+$/, '') || '/console';
  if (me === undefined) return <p className="splash muted">{t('common.loading')}</p>;
  if (me === null) return <SignInPage />;
  if (path === '/console') return <GoHome />;
  // A page owns its sub-paths (a page's tabs).
  const page = PAGES.find((p) => (p.path === path || path.startsWith(`${p.path}/`)) && roleAtLeast(me.role, p.minRole));
  return (
    <Layout>
      {page ? <Suspense fallback={<p className="panel muted">{t('common.loading')}</p>}><page.Component /></Suspense> : (
        <section className="page" data-testid="page-not-found">
          <p>{t('common.notFound')}</p>
          <button type="button" className="btn-link" onClick={() => navigate(HOME)}>{t('common.backHome')}</button>
        </section>
      )}
    </Layout>
  );
}

/** /console/ itself: the first page, replacing the bare address in the history. */
function GoHome() {
  useEffect(() => navigate(HOME, { replace: true }), []);
  return null;
}
