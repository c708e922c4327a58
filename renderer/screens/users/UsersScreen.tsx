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
  // Enrolled: users come from the head office; an admin here only looks (a supervisor still unlocks).
  const owned = useHeadOfficeOwned();
  const admin = useSession((s) => s.user?.role === 'admin') && !owned;
  useEffect(() => void loadUsers(), []);
  const editKey = editing === 'new' ? 'new' : editing ? `${editing.id}:${editing.role}:${editing.active}` : '';
  return (
    <main className="day">
      <HeadOfficeNote />
      <header className="day-report-head">
        <h1 className="day-title">{t('users.title')}</h1>
        {admin && <button type="button" className="btn" data-testid="user-new" onClick={() => patch({ editing: 'new' })}>+ {t('users.newTitle')}</button>}
      </header>
      <ErrorMessage message={error} />
      {!loaded && <p className="muted">{t('app.loading')}</p>}
      <div className={admin && editing ? 'day-split' : undefined}>
        <section className="panel"><UserList /></section>
        {admin && editing && <UserForm key={editKey} user={editing === 'new' ? null : editing} />}
      </div>
    </main>
  );
}
