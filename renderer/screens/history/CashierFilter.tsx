import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAtLeast } from '../../../preload/contract/roles';
import { useHistory } from '../../stores/history';
import { useSession } from '../../stores/session';
import { useUsers } from '../../stores/users';
import { loadUsers } from '../../actions/usersLoad';

/**
 * Whose sales: any user, or one. Shown to supervisors and admins only, since the list of users is
 * theirs to read (users.list); former users stay in it because their sales stay in the history.
 */
export function CashierFilter() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const allowed = role !== undefined && roleAtLeast(role, 'supervisor');
  const { users, loaded } = useUsers();
  const value = useHistory((s) => s.filters.cashierId);
  const set = useHistory((s) => s.setFilter);
  useEffect(() => {
    if (allowed && !loaded) void loadUsers();
  }, [allowed, loaded]);
  if (!allowed) return null;
  const sorted = [...users].sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <label className="field history-cashier">
      <span className="field-label">{t('history.filters.cashier')}</span>
      <select className="input" data-testid="history-cashier" value={value} onChange={(e) => set('cashierId', e.target.value)}>
        <option value="">{t('history.anyCashier')}</option>
        {sorted.map((u) => (
          <option key={u.id} value={String(u.id)}>{u.active ? u.displayName : t('history.formerUser', { name: u.displayName })}</option>
        ))}
      </select>
    </label>
  );
}
