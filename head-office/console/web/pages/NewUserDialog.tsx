import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../password-rules';
import type { ConsoleRole } from '../../roles';
import { CONSOLE_ROLES } from '../../wire';
import { createUser } from '../actions/users';
import { Dialog } from '../components/Dialog';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';

const EMPTY = { username: '', displayName: '', role: 'viewer' as ConsoleRole, password: '' };

export function NewUserDialog({ open, onClose }: { open: boolean; onClose: (made: boolean) => void }) {
  const { t } = useTranslation();
  const [u, setU] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = (made: boolean) => {
    setU(EMPTY);
    setError(null);
    onClose(made);
  };
  const submit = async () => {
    if (u.password.length < PASSWORD_MIN || u.password.length > PASSWORD_MAX) {
      setError(t('users.passwordTooShort', { min: PASSWORD_MIN, max: PASSWORD_MAX }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await createUser({ ...u, username: u.username.trim(), displayName: u.displayName.trim() });
      close(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} testId="new-user-dialog" title={t('users.createTitle')} onCancel={() => !busy && close(false)} onSubmit={() => void submit()}
      actions={<>
        <button type="button" className="btn" disabled={busy} onClick={() => close(false)}>{t('common.cancel')}</button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="new-user-submit">{t('users.createSubmit')}</button>
      </>}>
      <Field id="nu-username" label={t('users.username')}>
        <input id="nu-username" className="input" dir="ltr" required autoFocus maxLength={64} pattern="[A-Za-z0-9._\-]{3,64}" autoComplete="off" value={u.username} onChange={(e) => setU({ ...u, username: e.target.value })} />
      </Field>
      <Field id="nu-name" label={t('users.displayName')}>
        <input id="nu-name" className="input" required maxLength={128} value={u.displayName} onChange={(e) => setU({ ...u, displayName: e.target.value })} />
      </Field>
      <Field id="nu-role" label={t('users.role')}>
        <select id="nu-role" className="input" value={u.role} onChange={(e) => setU({ ...u, role: e.target.value as ConsoleRole })}>
          {CONSOLE_ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
        </select>
      </Field>
      <Field id="nu-password" label={t('users.password')} hint={t('users.passwordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX })}>
        <input id="nu-password" className="input" dir="ltr" type="password" required autoComplete="new-password" maxLength={PASSWORD_MAX} value={u.password} onChange={(e) => setU({ ...u, password: e.target.value })} aria-describedby="nu-password-hint" />
      </Field>
      <ErrorText error={error} />
    </Dialog>
  );
}
