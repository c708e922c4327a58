import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTER_ROLES, MasterUserSchema, PIN_DIGITS } from '../../../master-wire';
import type { CounterView } from '../../../wire';
import { saveCounterUser, type CounterUserView } from '../../actions/master-data';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/ErrorText';
import { ApiError } from '../../lib/api';
import { useLang } from '../../lib/lang';
import { FormField } from './FormField';

/** A new counter user (with a PIN), a change of one (the PIN kept unless typed), or only a new PIN. */
export function CounterUserDialog({ counter, user, pinOnly, onClose }: { counter: CounterView; user: CounterUserView | null; pinOnly: boolean; onClose: (saved: string | null) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [f, setF] = useState({
    username: user?.username ?? '', displayName: user?.displayName ?? '', role: user?.role ?? 'cashier' as CounterUserView['role'],
    locale: user?.locale ?? 'ar' as 'ar' | 'en', active: user?.active ?? true, pin: '', pin2: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const text = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const needPin = user === null || pinOnly;

  const submit = async () => {
    const problems: Record<string, string> = {};
    if (!MasterUserSchema.shape.username.safeParse(f.username.trim()).success) problems.username = t('masterData.users.usernameRule');
    if (!MasterUserSchema.shape.displayName.safeParse(f.displayName.trim()).success) problems.displayName = t('masterData.form.check');
    if (needPin || f.pin !== '') {
      if (!PIN_DIGITS.test(f.pin)) problems.pin = t('masterData.users.pinRule');
      else if (f.pin !== f.pin2) problems.pin2 = t('masterData.users.pinMismatch');
    }
    setErrors(problems);
    setError(null);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await saveCounterUser({
        counterId: counter.id, username: f.username.trim(), displayName: f.displayName.trim(), role: f.role, locale: f.locale, active: f.active,
        ...(f.pin !== '' ? { pin: f.pin } : {}),
      });
      onClose(f.displayName.trim());
    } catch (e) {
      // A weak PIN is the PIN field's; anything else is the form's.
      if (e instanceof ApiError && (e.code === 'WEAK_PIN' || e.code === 'PIN_REQUIRED')) setErrors({ pin: e.text[lang] });
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const title = pinOnly ? t('masterData.users.pinTitle', { name: user?.displayName ?? '' })
    : user ? t('masterData.users.editTitle', { name: user.displayName }) : t('masterData.users.createTitle', { counter: counter.name });
  return (
    <Dialog open testId="counter-user-dialog" title={title} onCancel={() => !busy && onClose(null)} onSubmit={() => void submit()}
      actions={<>
        <button type="button" className="btn" disabled={busy} onClick={() => onClose(null)}>{t('common.cancel')}</button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="counter-user-submit">{t('common.save')}</button>
      </>}>
      <ErrorText error={error} />
      {!pinOnly && (
        <>
          <FormField id="cu-username" label={t('masterData.users.username')} hint={user ? undefined : t('masterData.users.usernameRule')} error={errors.username}>
            <input id="cu-username" className="input mono" dir="ltr" maxLength={32} autoComplete="off" autoFocus={!user} readOnly={user !== null} value={f.username} onChange={text('username')} />
          </FormField>
          <FormField id="cu-name" label={t('masterData.users.displayName')} error={errors.displayName}>
            <input id="cu-name" className="input" maxLength={60} value={f.displayName} onChange={text('displayName')} />
          </FormField>
          <FormField id="cu-role" label={t('masterData.users.role')}>
            <select id="cu-role" className="input" value={f.role} onChange={(e) => setF((x) => ({ ...x, role: e.target.value as CounterUserView['role'] }))}>
              {COUNTER_ROLES.map((r) => <option key={r} value={r}>{t(`masterData.users.roles.${r}`)}</option>)}
            </select>
          </FormField>
          <FormField id="cu-locale" label={t('masterData.users.language')}>
            <select id="cu-locale" className="input" value={f.locale} onChange={(e) => setF((x) => ({ ...x, locale: e.target.value as 'ar' | 'en' }))}>
              <option value="ar">العربية</option>
              <option value="en">English</option>
            </select>
          </FormField>
        </>
      )}
      <FormField id="cu-pin" label={needPin ? t('masterData.users.pin') : t('masterData.users.pinKeep')} hint={t('masterData.users.pinHint')} error={errors.pin}>
        <input id="cu-pin" className="input mono" dir="ltr" type="password" inputMode="numeric" autoComplete="new-password" maxLength={12} autoFocus={pinOnly} value={f.pin} onChange={text('pin')} />
      </FormField>
      <FormField id="cu-pin2" label={t('masterData.users.pinAgain')} error={errors.pin2}>
        <input id="cu-pin2" className="input mono" dir="ltr" type="password" inputMode="numeric" autoComplete="new-password" maxLength={12} value={f.pin2} onChange={text('pin2')} />
      </FormField>
    </Dialog>
  );
}
