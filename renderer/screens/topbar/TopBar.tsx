import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session';
import { logout } from '../../actions/auth';
import { LangSwitch } from '../../components/LangSwitch';
import { DigitsSwitch } from '../../components/DigitsSwitch';
import { SyncIndicator } from './SyncIndicator';
import { NavTabs } from './NavTabs';
import { useUsers } from '../../stores/users';
import { ChangePinDialog } from '../users/ChangePinDialog';

export function TopBar() {
  const { t } = useTranslation();
  const info = useSession((s) => s.info);
  const user = useSession((s) => s.user);
  return (
    <header className="topbar">
      <div className="topbar-row">
        <div className="topbar-id">
          <span className="brand-small">{t('app.name')}</span>
          <span className="topbar-item" title={t('topbar.counter')} data-testid="counter-name">
            <bdi>{info?.counterName}</bdi>
          </span>
          <span className="topbar-item topbar-user" title={t('topbar.cashier')} data-testid="cashier-name">
            <bdi>{user?.displayName}</bdi>
          </span>
        </div>
        <SyncIndicator />
        <div className="topbar-actions">
          <DigitsSwitch />
          <LangSwitch />
          <button type="button" className="btn btn-ghost" data-testid="change-pin" onClick={() => useUsers.getState().patch({ changePinOpen: true })}>
            {t('users.changeMine')}
          </button>
          <button type="button" className="btn btn-ghost" data-testid="logout" onClick={() => void logout()}>
            {t('topbar.logout')}
          </button>
        </div>
      </div>
      <NavTabs />
      <ChangePinDialog />
    </header>
  );
}
