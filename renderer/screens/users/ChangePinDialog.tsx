import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../preload/contract';
import { useUsers } from '../../stores/users';
import { changeOwnPin } from '../../actions/usersChangePin';
import { both } from '../../i18n';
import { ErrorMessage } from '../../components/ErrorMessage';
import '../../styles/day.css';

const digits = (v: string) => v.replace(/\D/g, '').slice(0, 12);

/** From the top bar: the signed-in user changes their own PIN (current, new, new again). */
export function ChangePinDialog() {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const open = useUsers((s) => s.changePinOpen);
  const [cur, setCur] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<Bilingual | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) { setCur(''); setNext(''); setAgain(''); setError(null); setDone(false); d.showModal(); }
    if (!open && d.open) d.close();
  }, [open]);
  const close = () => useUsers.getState().patch({ changePinOpen: false });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
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
    <dialog ref={ref} className="day-dialog" data-testid="change-pin-dialog" aria-labelledby="cp-title" onCancel={(e) => { e.preventDefault(); close(); }}>
      {open && (
        <form className="day-dialog-body" onSubmit={(e) => void submit(e)} noValidate>
          <h2 id="cp-title" className="day-dialog-title">{t('users.changeMine')}</h2>
          {pinField(t('users.currentPin'), cur, setCur, 'change-pin-current')}
          {pinField(t('users.newPin'), next, setNext, 'change-pin-new')}
          {pinField(t('users.newPinAgain'), again, setAgain, 'change-pin-again')}
          <p className="field-hint">{t('users.pinHint')}</p>
          <ErrorMessage message={error} />
          {done && <p className="sync-ok" role="status" data-testid="change-pin-done">{t('users.pinChanged')}</p>}
          <div className="day-dialog-actions">
            <button type="submit" className="btn btn-primary" data-testid="change-pin-submit" disabled={cur.length < 4 || next.length < 4 || done}>{t('users.save')} <kbd dir="ltr">Enter</kbd></button>
            <button type="button" className="btn btn-ghost" onClick={close}>{done ? t('users.close') : t('approval.cancel')} <kbd dir="ltr">Esc</kbd></button>
          </div>
        </form>
      )}
    </dialog>
  );
}
