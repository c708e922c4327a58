import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from './stores/session';
import { useSaleFlow } from './stores/sale';
import { useSync } from './stores/sync';
import { useRecent } from './stores/recent';
import { applyLanguage } from './i18n';
import { loadAppInfo } from './actions/boot';
import { toFailure } from './transport';
import type { Bilingual } from '../preload/contract';
import { ErrorMessage } from './components/ErrorMessage';
import { LoginScreen } from './screens/login/LoginScreen';
import { SetupScreen } from './screens/setup/SetupScreen';
import { useSetup } from './stores/setup';
import { TopBar } from './screens/topbar/TopBar';
import { screensFor } from './screens/registry';
import { useNav } from './stores/nav';
import { useShift } from './stores/shift';
import { useSyncPolling } from './hooks/useSyncPolling';
import { PrintAlert } from './screens/printer/PrintAlert';
import { ApprovalDialog } from './components/ApprovalDialog';

function SignedIn() {
  useSyncPolling();
  const role = useSession((s) => s.user?.role ?? 'cashier');
  const screen = useNav((s) => s.screen);
  const screens = screensFor(role);
  const current = screens.find((s) => s.id === screen) ?? screens[0]!;
  const Current = current.component;
  return (
    <div className="shell">
      <TopBar />
      {current.id === 'sell' && <PrintAlert />}
      <Current />
      <ApprovalDialog />
    </div>
  );
}

export function App() {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const info = useSession((s) => s.info);
  const user = useSession((s) => s.user);
  const setupNeeded = useSetup((s) => s.status?.needed === true);
  const [bootError, setBootError] = useState<Bilingual | null>(null);

  useEffect(() => applyLanguage(lang), [lang]);
  // Signed out (logout or an expired session): nothing of the last cashier's work stays on screen.
  useEffect(() => {
    if (!user) {
      useSaleFlow.getState().reset();
      useSync.getState().reset();
      useRecent.getState().set([]);
      useNav.getState().go('sell');
      useShift.getState().reset();
    }
  }, [user]);

  const boot = useCallback(() => {
    setBootError(null);
    loadAppInfo().catch((e: unknown) => setBootError(toFailure(e).error.message));
  }, []);
  useEffect(boot, [boot]);

  if (!info) {
    return (
      <main className="splash">
        <h1 className="brand">{t('app.name')}</h1>
        {bootError ? (
          <>
            <p>{t('app.startFailed')}</p>
            <ErrorMessage message={bootError} />
            <button type="button" className="btn btn-primary" onClick={boot}>
              {t('app.retry')}
            </button>
          </>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </main>
    );
  }
  if (setupNeeded) return <SetupScreen />;
  return user ? <SignedIn key={user.id} /> : <LoginScreen />;
}
