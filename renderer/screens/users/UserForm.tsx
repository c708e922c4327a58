import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser, Bilingual } from '../../../preload/contract';
import { saveUser, setUserPin, type UserDraft } from '../../actions/usersSave';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useUsers } from '../../stores/users';

const digits = (v: string) => v.replace(/\D/g, '').slice(0, 12);

/** Admin: a new user (username, name, role, language, first PIN) or an existing one (and its PIN). */
export function UserForm({ user }: { user: AdminUser | null }) {
  const { t } = useTranslation();
  const [d, setD] = useState<UserDraft>({ username: user?.username ?? '', displayName: user?.displayName ?? '', role: user?.role ?? 'cashier', locale: user?.locale ?? 'ar', active: user?.active ?? true, pin: '' });
  const [error, setError] = useState<Bilingual | null>(null);
  // A save that remounted this form (a new user, or a changed role) still says it was saved.
  const [done, setDone] = useState<string | null>(() => (user && useUsers.getState().justSaved === user.id ? t('users.saved') : null));
  useEffect(() => {
    if (useUsers.getState().justSaved !== null) useUsers.getState().patch({ justSaved: null });
  }, []);
  const [busy, setBusy] = useState(false);
  const run = async (job: () => Promise<Bilingual | null>, ok: string) => {
    setBusy(true);
    const e = await job();
    setBusy(false);
    setError(e);
    setDone(e ? null : ok);
    if (!e) useUsers.getState().patch({ justSaved: null }); // shown here: no later form may show it again
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => saveUser(user, d), t('users.saved'));
  };
  const edit = (p: Partial<UserDraft>) => { setDone(null); setD({ ...d, ...p }); };
  return (
    <form className="panel day-card" data-testid="user-form" onSubmit={submit} noValidate>
      <h2 className="day-title">{user ? t('users.editTitle') : t('users.newTitle')}</h2>
      <label className="field">
        <span className="field-label">{t('users.username')}</span>
        <input className="input" dir="ltr" data-testid="user-username" readOnly={user !== null} value={d.username} autoCapitalize="off" onChange={(e) => edit({ username: e.target.value })} />
      </label>
      <label className="field">
        <span className="field-label">{t('users.displayName')}</span>
        <input className="input" data-testid="user-display-name" value={d.displayName} onChange={(e) => edit({ displayName: e.target.value })} />
      </label>
      <div className="day-row">
        <label className="field">
          <span className="field-label">{t('users.role')}</span>
          <select className="input" data-testid="user-role" value={d.role} onChange={(e) => edit({ role: e.target.value as UserDraft['role'] })}>
            {(['cashier', 'supervisor', 'admin'] as const).map((r) => <option key={r} value={r}>{t(`users.roles.${r}`)}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('users.locale')}</span>
          <select className="input" data-testid="user-locale" value={d.locale} onChange={(e) => edit({ locale: e.target.value as UserDraft['locale'] })}>
            <option value="ar">العربية</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      {user ? (
        <label className="check"><input type="checkbox" data-testid="user-active" checked={d.active} onChange={(e) => edit({ active: e.target.checked })} /> {t('users.activeState')}</label>
      ) : null}
      <label className="field">
        <span className="field-label">{user ? t('users.newPin') : t('users.pin')}</span>
        <input className="input input-pin" type="password" inputMode="numeric" dir="ltr" data-testid="user-pin" value={d.pin} autoComplete="new-password" onChange={(e) => edit({ pin: digits(e.target.value) })} />
        <span className="field-hint">{t('users.pinHint')}</span>
      </label>
      <ErrorMessage message={error} />
      <div className="day-actions">
        <button type="submit" className="btn btn-primary" data-testid="user-save" disabled={busy || !d.displayName.trim() || (!user && d.pin.length < 4)}>{t('users.save')} <kbd dir="ltr">Enter</kbd></button>
        {user && (
          <button type="button" className="btn" data-testid="user-set-pin" disabled={busy || d.pin.length < 4} onClick={() => void run(() => setUserPin(user.id, d.pin), t('users.pinSet'))}>
            {t('users.setPin')}
          </button>
        )}
        {done && <span className="sync-ok" role="status" data-testid="user-saved">{done}</span>}
      </div>
    </form>
  );
}
