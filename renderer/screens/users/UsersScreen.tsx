import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../stores/users';
import { useSession } from '../../stores/session';
import { loadUsers } from '../../actions/usersLoad';
import { ErrorMessage } from '../../components/ErrorMessage';
import { UserList } from './UserList';
import { UserForm } from './UserForm';
import { HeadOfficeNote } from '../../components/HeadOfficeNote';
import { useHeadOfficeOwned } from '../../stores/masterData';
import '../../styles/day.css';

/** Users: supervisors see the list and unlock; administrators create, edit and set PINs. */
export function UsersScreen() {
  const { t } = useTranslation();
  const { loaded, error, editing, patch } = useUsers();
  // Enrolled: new users come from the head office, and its users are changed only there; the users
  // made at this counter (its setup's admin) are still an admin's here (a supervisor still unlocks).
  const owned = useHeadOfficeOwned();
  const admin = useSession((s) => s.user?.role === 'admin');
  const editable = admin && editing !== null && (editing === 'new' ? !owned : !editing.headOffice);
  useEffect(() => void loadUsers(), []);
  const editKey = editing === 'new' ? 'new' : editing ? `${editing.id}:${editing.role}:${editing.active}` : '';
  return (
    <main className="day">
      <HeadOfficeNote />
      <header className="day-report-head">
        <h1 className="day-title">{t('users.title')}</h1>
        {admin && !owned && <button type="button" className="btn" data-testid="user-new" onClick={() => patch({ editing: 'new' })}>+ {t('users.newTitle')}</button>}
      </header>
      {owned && <p className="muted" data-testid="users-local-note">{t('users.localOnly')}</p>}
      <ErrorMessage message={error} />
      {!loaded && <p className="muted">{t('app.loading')}</p>}
      <div className={editable ? 'day-split' : undefined}>
        <section className="panel"><UserList /></section>
        {editable && <UserForm key={editKey} user={editing === 'new' ? null : editing} />}
      </div>
    </main>
  );
}
