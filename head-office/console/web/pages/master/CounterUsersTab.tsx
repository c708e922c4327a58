import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterView } from '../../../wire';
import { loadCounters } from '../../actions/counters';
import { deleteRecord, listAll, saveCounterUser, type CounterUserView, type Listed } from '../../actions/master-data';
import { ErrorText } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { useLoad } from '../../lib/use-load';
import { CounterUserDialog } from './CounterUserDialog';
import { DeleteDialog } from './DeleteDialog';

/**
 * The users each counter receives (administrators only): pick a counter, then create a user with
 * a PIN, set a new PIN, deactivate or re-activate, remove. The PIN is sent once and kept at the
 * head office only as the counter's own hash; the list shows only whether one is set.
 */
export function CounterUsersTab() {
  const { t } = useTranslation();
  const counters = useLoad(loadCounters);
  const [counterId, setCounterId] = useState<number | null>(null);
  const [users, setUsers] = useState<Listed<CounterUserView>[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<{ user: CounterUserView | null; pinOnly: boolean } | null>(null);
  const [removing, setRemoving] = useState<CounterUserView | null>(null);

  const live = counters.data?.filter((c) => c.revokedAt === null) ?? [];
  const counter: CounterView | undefined = live.find((c) => c.id === counterId);
  useEffect(() => {
    if (counterId === null && live[0]) setCounterId(live[0].id);
  }, [counters.data]);

  const reload = async (id = counterId) => {
    if (id === null) return;
    setError(null);
    try {
      setUsers(await listAll<CounterUserView>('users', { counterId: id }));
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    setUsers(null);
    void reload(counterId);
  }, [counterId]);

  const setActive = async (u: CounterUserView, active: boolean) => {
    if (counterId === null) return;
    setBusy(true);
    setError(null);
    try {
      await saveCounterUser({ counterId, username: u.username, displayName: u.displayName, role: u.role, locale: u.locale, active });
      setNotice(t(active ? 'masterData.users.activated' : 'masterData.users.deactivated', { name: u.displayName }));
      await reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="master-tab" data-testid="counter-users-tab">
      <div className="tab-head">
        <p className="muted">{t('masterData.users.intro')}</p>
        {counter && <button type="button" className="btn btn-primary btn-small" data-testid="new-counter-user" onClick={() => { setNotice(null); setDialog({ user: null, pinOnly: false }); }}>{t('masterData.users.create')}</button>}
      </div>
      <div className="panel search-form">
        <Field id="cu-counter" label={t('masterData.users.counter')}>
          <select id="cu-counter" className="input" data-testid="cu-counter" value={counterId ?? ''} onChange={(e) => { setNotice(null); setCounterId(Number(e.target.value)); }}>
            {live.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
      </div>
      {counters.data && live.length === 0 && <p className="panel muted">{t('masterData.users.noCounters')}</p>}
      {notice && <p className="notice" role="status" data-testid="notice">{notice}</p>}
      <ErrorText error={error ?? counters.error} />
      {users && users.length === 0 && <p className="panel muted">{t('masterData.users.empty', { counter: counter?.name ?? '' })}</p>}
      {users && users.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="counter-users-table">
            <thead>
              <tr>
                <th>{t('masterData.users.username')}</th><th>{t('masterData.users.displayName')}</th><th>{t('masterData.users.role')}</th>
                <th>{t('masterData.users.language')}</th><th>{t('masterData.users.state')}</th><th>{t('masterData.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map(({ key, data: u }) => (
                <tr key={key} data-testid="counter-user-row" data-user={u.username} className={u.active ? undefined : 'is-revoked'}>
                  <td><bdi className="mono" dir="ltr">{u.username}</bdi></td>
                  <td><bdi>{u.displayName}</bdi></td>
                  <td>{t(`masterData.users.roles.${u.role}`)}</td>
                  <td>{u.locale === 'ar' ? 'العربية' : 'English'}</td>
                  <td>{u.active ? <span className="tag tag-ok">{t('masterData.active')}</span> : <span className="tag tag-danger">{t('masterData.inactive')}</span>}</td>
                  <td className="row-actions">
                    <button type="button" className="btn btn-small" data-testid="cu-edit" onClick={() => { setNotice(null); setDialog({ user: u, pinOnly: false }); }}>{t('masterData.edit')}</button>
                    <button type="button" className="btn btn-small" data-testid="cu-pin" onClick={() => { setNotice(null); setDialog({ user: u, pinOnly: true }); }}>{t('masterData.users.resetPin')}</button>
                    <button type="button" className="btn btn-small" data-testid={u.active ? 'cu-deactivate' : 'cu-activate'} disabled={busy} onClick={() => void setActive(u, !u.active)}>
                      {t(u.active ? 'masterData.deactivate' : 'masterData.activate')}
                    </button>
                    <button type="button" className="btn btn-small btn-danger-outline" data-testid="cu-remove" onClick={() => setRemoving(u)}>{t('masterData.users.remove')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog && counter && (
        <CounterUserDialog counter={counter} user={dialog.user} pinOnly={dialog.pinOnly} onClose={(saved) => {
          setDialog(null);
          if (saved) {
            setNotice(t(dialog.pinOnly ? 'masterData.users.pinSet' : 'masterData.users.saved', { name: saved }));
            void reload();
          }
        }} />
      )}
      <DeleteDialog open={removing !== null} title={t('masterData.users.removeTitle', { name: removing?.displayName ?? '', counter: counter?.name ?? '' })} body={t('masterData.users.removeBody')}
        run={() => deleteRecord('users', `${removing!.username}@${counterId}`)}
        onClose={(done) => {
          if (done) setNotice(t('masterData.users.removed', { name: removing?.displayName }));
          setRemoving(null);
          if (done) void reload();
        }} />
    </div>
  );
}
