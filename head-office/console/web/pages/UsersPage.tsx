import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleRole } from '../../roles';
import { CONSOLE_ROLES, type ConsoleUserView } from '../../wire';
import { changeUser, loadUsers } from '../actions/users';
import { Dialog } from '../components/Dialog';
import { ErrorText } from '../components/ErrorText';
import { dateTime } from '../lib/format';
import { useLang } from '../lib/lang';
import { useLoad } from '../lib/use-load';
import { useMe } from '../session';
import { NewUserDialog } from './NewUserDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';

export function UsersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const users = useLoad(loadUsers);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<ConsoleUserView | null>(null);
  const [deactivating, setDeactivating] = useState<ConsoleUserView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = async (u: ConsoleUserView, c: { role?: ConsoleRole; active?: boolean }) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const after = await changeUser(u.id, c);
      if (c.role) setNotice(t('users.roleChanged', { name: after.displayName, role: t(`roles.${after.role}`) }));
      setDeactivating(null);
      users.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page" data-testid="users-page">
      <header className="page-head">
        <div>
          <h1>{t('users.title')}</h1>
          <p className="muted">{t('users.intro')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn btn-primary btn-small" data-testid="new-user" onClick={() => setCreating(true)}>{t('users.create')}</button>
        </div>
      </header>
      {notice && <p className="notice" role="status">{notice}</p>}
      <ErrorText error={deactivating ? null : error ?? users.error} />
      {users.data && (
        <div className="table-wrap">
          <table className="table" data-testid="users-table">
            <thead>
              <tr><th>{t('users.username')}</th><th>{t('users.displayName')}</th><th>{t('users.role')}</th><th>{t('users.state')}</th><th>{t('users.actions')}</th></tr>
            </thead>
            <tbody>
              {users.data.map((u) => {
                const self = u.id === me.id;
                return (
                  <tr key={u.id} data-testid="user-row" data-user={u.username} className={u.active ? undefined : 'is-revoked'}>
                    <td><bdi className="mono" dir="ltr">{u.username}</bdi> {self && <span className="muted">{t('users.you')}</span>}</td>
                    <td><bdi>{u.displayName}</bdi></td>
                    <td>
                      <select className="input input-small" aria-label={t('users.role')} data-testid="user-role" value={u.role} disabled={self || busy}
                        onChange={(e) => void change(u, { role: e.target.value as ConsoleRole })}>
                        {CONSOLE_ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
                      </select>
                    </td>
                    <td>
                      {!u.active ? <span className="tag tag-danger">{t('users.inactive')}</span>
                        : u.lockedUntil ? <span className="tag tag-warn">{t('users.lockedUntil', { when: dateTime(u.lockedUntil, lang) })}</span>
                          : <span className="tag tag-ok">{t('users.active')}</span>}
                    </td>
                    <td className="row-actions">
                      <button type="button" className="btn btn-small" data-testid="user-reset" onClick={() => setResetting(u)}>{t('users.resetPassword')}</button>
                      {!self && (u.active
                        ? <button type="button" className="btn btn-small btn-danger-outline" data-testid="user-deactivate" onClick={() => { setError(null); setDeactivating(u); }}>{t('users.deactivate')}</button>
                        : <button type="button" className="btn btn-small" data-testid="user-activate" disabled={busy} onClick={() => void change(u, { active: true })}>{t('users.activate')}</button>)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <NewUserDialog open={creating} onClose={(made) => { setCreating(false); if (made) users.reload(); }} />
      <ResetPasswordDialog user={resetting} onClose={() => { setResetting(null); users.reload(); }} />
      <Dialog open={deactivating !== null} danger testId="deactivate-dialog" title={t('users.deactivateTitle', { name: deactivating?.displayName ?? '' })}
        onCancel={() => !busy && setDeactivating(null)} onSubmit={() => deactivating && void change(deactivating, { active: false })}
        actions={<>
          <button type="button" className="btn" disabled={busy} onClick={() => setDeactivating(null)}>{t('common.cancel')}</button>
          <button type="submit" className="btn btn-danger" disabled={busy} data-testid="deactivate-confirm">{t('users.deactivateConfirm')}</button>
        </>}>
        <p>{t('users.deactivateBody')}</p>
        <ErrorText error={error} />
      </Dialog>
    </section>
  );
}
