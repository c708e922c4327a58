import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createFirstAdmin } from '../../actions/setup';
import { both } from '../../i18n';
import { normalizeDigits } from '../../lib/money';
import { useSession } from '../../stores/session';
import { SetupField, StepFrame } from './StepFrame';
import { useStepSave } from './useStepSave';

const digits = (v: string) => normalizeDigits(v).replace(/\D/g, '').slice(0, 12);

/** The first administrator: username, name in Arabic and in Latin letters, the PIN twice. Creating them ends setup. */
export function AdminStep() {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const [f, setF] = useState({ username: '', displayName: '', displayNameLatin: '', pin: '', pinConfirm: '' });
  const { busy, error, bad, run, setError } = useStepSave();
  const patch = (x: Partial<typeof f>) => setF({ ...f, ...x });
  const submit = () => {
    // Said here at once; main checks the same again (and the PIN rule).
    if (f.pin !== f.pinConfirm) return setError(both('setup.admin.pinsDiffer'));
    void run(() => createFirstAdmin({ username: f.username.trim(), displayName: f.displayName, pin: f.pin, pinConfirm: f.pinConfirm, locale: lang, ...(f.displayNameLatin.trim() ? { displayNameLatin: f.displayNameLatin } : {}) }));
  };
  return (
    <StepFrame title={t('setup.admin.title')} intro={t('setup.admin.intro')} error={error} busy={busy} next={t('setup.admin.create')} onNext={submit}>
      <SetupField code id="setup-admin-username" label={t('setup.admin.username')} hint={t('setup.admin.usernameHint')} dir="ltr" autoFocus invalid={bad.includes('username')} value={f.username} onChange={(username) => patch({ username })} />
      <div className="setup-pair">
        <SetupField id="setup-admin-name" label={t('setup.admin.nameAr')} dir="rtl" invalid={bad.includes('displayName')} value={f.displayName} onChange={(displayName) => patch({ displayName })} />
        <SetupField id="setup-admin-name-latin" label={t('setup.admin.nameLatin')} dir="ltr" invalid={bad.includes('displayNameLatin')} value={f.displayNameLatin} onChange={(displayNameLatin) => patch({ displayNameLatin })} />
      </div>
      <div className="setup-pair">
        <SetupField code id="setup-admin-pin" label={t('setup.admin.pin')} type="password" numeric dir="ltr" invalid={bad.includes('pin')} value={f.pin} onChange={(v) => patch({ pin: digits(v) })} />
        <SetupField code id="setup-admin-pin2" label={t('setup.admin.pinAgain')} type="password" numeric dir="ltr" invalid={bad.includes('pinConfirm')} value={f.pinConfirm} onChange={(v) => patch({ pinConfirm: digits(v) })} />
      </div>
      <p className="setup-note" data-testid="setup-pin-rule">{t('setup.admin.pinRule')}</p>
    </StepFrame>
  );
}
