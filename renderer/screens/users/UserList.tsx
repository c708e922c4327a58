import { useTranslation } from 'react-i18next';
import { useUsers } from '../../stores/users';
import { useSession } from '../../stores/session';
import { unlockUser } from '../../actions/usersLoad';
import { useFormat } from '../../hooks/useFormat';
import { useHeadOfficeOwned } from '../../stores/masterData';

/** Every user: role, language, state (locked until…, inactive). Supervisors unlock; admins edit (on an enrolled counter, the users made here). */
export function UserList() {
  const { t } = useTranslation();
  const f = useFormat();
  const users = useUsers((s) => s.users);
  const patch = useUsers((s) => s.patch);
  const admin = useSession((s) => s.user?.role === 'admin');
  const owned = useHeadOfficeOwned();
  const now = Date.now();
  return (
    <table className="table users-table" data-testid="users-list">
      <thead>
        <tr>
          <th>{t('users.username')}</th>
          <th>{t('users.displayName')}</th>
          <th>{t('users.role')}</th>
          <th>{t('users.state')}</th>
          <th><span className="visually-hidden">{t('users.actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => {
          const locked = u.lockedUntil !== null && Date.parse(u.lockedUntil) > now;
          return (
            <tr key={u.id} data-testid="user-row" data-username={u.username} className={u.active ? undefined : 'is-inactive'}>
              <td><bdi dir="ltr" className="mono">{u.username}</bdi></td>
              <td><bdi>{u.displayName}</bdi>{u.headOffice && <> <span className="pill" data-testid="user-head-office">{t('users.headOffice')}</span></>}</td>
              <td>{t(`users.roles.${u.role}`)} · {u.locale === 'ar' ? 'العربية' : 'English'}</td>
              <td>
                {!u.active ? <span className="pill status-failed">{t('users.inactive')}</span>
                  : locked ? <span className="pill status-unknown">{t('users.lockedUntil', { time: f.time(u.lockedUntil!) })}</span>
                  : <span className="pill status-issued">{t('users.activeState')}</span>}
                {u.failedAttempts > 0 && !locked && <span className="muted"> · {t('users.failed', { count: u.failedAttempts })}</span>}
              </td>
              <td><div className="users-actions">
                {(locked || u.failedAttempts > 0) && (
                  <button type="button" className="btn btn-small" data-testid="user-unlock" onClick={() => void unlockUser(u.id)}>{t('users.unlock')}</button>
                )}
                {admin && !(owned && u.headOffice) && <button type="button" className="btn btn-small" data-testid="user-edit" onClick={() => patch({ editing: u })}>{t('users.edit')}</button>}
              </div></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
