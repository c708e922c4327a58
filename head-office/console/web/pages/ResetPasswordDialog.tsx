import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../password-rules';
import type { ConsoleUserView } from '../../wire';
import { resetPassword } from '../actions/users';
import { Dialog } from '../components/Dialog';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';

export function ResetPasswordDialog({ user, onClose }: { user: ConsoleUserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    setPassword('');
    setError(null);
    onClose();
  };
  const submit = async () => {
    if (!user) return;
    if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
      setError(t('users.passwordTooShort', { min: PASSWORD_MIN, max: PASSWORD_MAX }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await resetPassword(user.id, password);
      close();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={user !== null} testId="reset-dialog" title={t('users.resetTitle', { name: user?.displayName ?? '' })} onCancel={() => !busy && close()} onSubmit={() => void submit()}
      actions={<>
        <button type="button" className="btn" disabled={busy} onClick={close}>{t('common.cancel')}</button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="reset-submit">{t('users.resetSubmit')}</button>
      </>}>
      <p>{t('users.resetBody')}</p>
      <Field id="rp-password" label={t('signIn.password')} hint={t('users.passwordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX })}>
        <input id="rp-password" className="input" dir="ltr" type="password" required autoFocus autoComplete="new-password" maxLength={PASSWORD_MAX} value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <ErrorText error={error} />
    </Dialog>
  );
}
