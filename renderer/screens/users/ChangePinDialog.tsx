import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../preload/contract';
import { useUsers } from '../../stores/users';
import { changeOwnPin } from '../../actions/usersChangePin';
import { both } from '../../i18n';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ModalActions, ModalDialog, ModalTitle } from '../../components/ModalDialog';
import '../../styles/day.css';

const digits = (v: string) => v.replace(/\D/g, '').slice(0, 12);

/** From the top bar: the signed-in user changes their own PIN (current, new, new again). */
export function ChangePinDialog() {
  const { t } = useTranslation();
  const open = useUsers((s) => s.changePinOpen);
  const [cur, setCur] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<Bilingual | null>(null);
  const [done, setDone] = useState(false);
  const reset = () => { setCur(''); setNext(''); setAgain(''); setError(null); setDone(false); };
  const close = () => useUsers.getState().patch({ changePinOpen: false });
  const submit = async () => {
    if (next !== again) return setError(both('users.pinMismatch'));
    const err = await changeOwnPin(cur, next);
    setError(err);
    setDone(err === null);
  };
  const pinField = (label: string, value: string, set: (v: string) => void, id: string) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input className="input input-pin" type="password" inputMode="numeric" dir="ltr" data-testid={id} value={value} onChange={(e) => set(digits(e.target.value))} />
    </label>
  );
  return (
    <ModalDialog open={open} prefix="day-dialog" testId="change-pin-dialog" titleId="cp-title" noValidate
      onOpen={reset} onCancel={close} onSubmit={() => void submit()}>
      <ModalTitle prefix="day-dialog" id="cp-title">{t('users.changeMine')}</ModalTitle>
      {pinField(t('users.currentPin'), cur, setCur, 'change-pin-current')}
      {pinField(t('users.newPin'), next, setNext, 'change-pin-new')}
      {pinField(t('users.newPinAgain'), again, setAgain, 'change-pin-again')}
      <p className="field-hint">{t('users.pinHint')}</p>
      <ErrorMessage message={error} />
      {done && <p className="sync-ok" role="status" data-testid="change-pin-done">{t('users.pinChanged')}</p>}
      <ModalActions prefix="day-dialog" cancelLabel={done ? t('users.close') : t('approval.cancel')} onCancel={close}>
        <button type="submit" className="btn btn-primary" data-testid="change-pin-submit" disabled={cur.length < 4 || next.length < 4 || done}>{t('users.save')} <kbd dir="ltr">Enter</kbd></button>
      </ModalActions>
    </ModalDialog>
  );
}
