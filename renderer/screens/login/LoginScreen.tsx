import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../preload/contract';
import { login } from '../../actions/auth';
import { toFailure } from '../../transport';
import { useSession } from '../../stores/session';
import { useSetup } from '../../stores/setup';
import { normalizeDigits } from '../../lib/money';
import { both } from '../../i18n';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LangSwitch } from '../../components/LangSwitch';
import { PinKeypad } from './PinKeypad';

const MAX_PIN = 12;

export function LoginScreen() {
  const { t } = useTranslation();
  const info = useSession((s) => s.info);
  const expired = useSession((s) => s.expiredReason);
  // Right after the first run, the administrator it made.
  const [username, setUsername] = useState(() => useSetup.getState().createdUsername ?? '');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Bilingual | null>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  const setPinDigits = (v: string) => setPin(normalizeDigits(v).replace(/\D/g, '').slice(0, MAX_PIN));

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    if (!username.trim()) return setError(both('login.needUsername'));
    if (!/^\d{4,12}$/.test(pin)) {
      pinRef.current?.focus();
      return setError(both('login.needPin'));
    }
    setBusy(true);
    setError(null);
    try {
      await login(username, pin);
    } catch (err) {
      setError(toFailure(err).error.message);
      setPin('');
      setBusy(false);
      pinRef.current?.focus();
    }
  }

  return (
    <main className="login">
      <div className="login-lang">
        <LangSwitch />
      </div>
      <form className="login-card" onSubmit={submit} noValidate>
        <header className="login-head">
          <h1 className="brand">{t('app.name')}</h1>
          <p className="muted">{t('login.subtitle')}</p>
          {info && <p className="login-counter" data-testid="login-counter">
              <bdi>{info.counterName}</bdi>
              {info.counterNumber && <> · <bdi dir="ltr">{info.counterNumber}</bdi></>}
            </p>}
        </header>
        <h2 className="visually-hidden">{t('login.title')}</h2>
        <label className="field">
          <span className="field-label">{t('login.username')}</span>
          <input
            className="input"
            data-testid="login-username"
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
            autoFocus={!username}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && username.trim() && !pin) {
                e.preventDefault();
                pinRef.current?.focus();
              }
            }}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('login.pin')}</span>
          <input
            ref={pinRef}
            autoFocus={!!username}
            className="input input-pin"
            data-testid="login-pin"
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            dir="ltr"
            maxLength={MAX_PIN}
            value={pin}
            onChange={(e) => setPinDigits(e.target.value)}
          />
        </label>
        <PinKeypad
          onDigit={(d) => setPinDigits(pin + d)}
          onBackspace={() => setPin(pin.slice(0, -1))}
          onClear={() => setPin('')}
        />
        <ErrorMessage message={error ?? (expired ? both('login.sessionEnded') : null)} />
        <button type="submit" className="btn btn-primary btn-block" data-testid="login-submit" disabled={busy}>
          {busy ? t('login.signingIn') : t('login.submit')}
        </button>
      </form>
      {info && (
        <p className="login-version muted" data-testid="app-version">
          {t('login.version', { version: info.version })}
        </p>
      )}
    </main>
  );
}
