import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signIn } from '../actions/session';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';
import { LangSwitch } from '../components/LangSwitch';
import { useSession } from '../session';

export function SignInPage() {
  const { t } = useTranslation();
  const { setMe, ended } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      setMe(await signIn(username.trim(), password));
    } catch (e) {
      setError(e);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="signin">
      <div className="signin-lang"><LangSwitch /></div>
      <form className="panel signin-panel" data-testid="sign-in" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <p className="brand">{t('app.brand')}</p>
        <h1 className="signin-title">{t('signIn.title')}</h1>
        {ended && !error && <p className="notice" role="status">{t('signIn.ended')}</p>}
        <Field id="username" label={t('signIn.username')}>
          <input id="username" className="input" dir="ltr" autoComplete="username" autoFocus required maxLength={64} value={username} onChange={(e) => setUsername(e.target.value)} />
        </Field>
        <Field id="password" label={t('signIn.password')}>
          <input id="password" className="input" dir="ltr" type="password" autoComplete="current-password" required maxLength={200} value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <ErrorText error={error} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="sign-in-submit">{busy ? t('signIn.busy') : t('signIn.submit')}</button>
      </form>
    </main>
  );
}
