import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../preload/contract';
import { useShift } from '../../stores/shift';
import { closeShift } from '../../actions/shiftClose';
import { CashField } from './CashField';

/** Blind count: the cashier counts the drawer before seeing what was expected. */
export function CloseShiftForm({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  const busy = useShift((s) => s.busy);
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<Bilingual | null>(null);
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setError(await closeShift(text, note));
  };
  return (
    <form className="panel day-card" data-testid="close-shift-form" onSubmit={(e) => void submit(e)} noValidate>
      <h2 className="day-title">{t('shift.closeTitle')}</h2>
      <p className="muted">{t('shift.blindHint')}</p>
      <CashField id="counted-input" label={t('shift.counted')} value={text} onChange={setText} error={error} testId="counted-input" />
      <label className="field">
        <span className="field-label">{t('shift.note')}</span>
        <input className="input" data-testid="close-note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="day-actions">
        <button type="submit" className="btn btn-primary" data-testid="close-shift-submit" disabled={busy || text.trim() === ''} aria-busy={busy}>
          {busy ? t('shift.closing') : t('shift.closeConfirm')} <kbd dir="ltr">Enter</kbd>
        </button>
        <button type="button" className="btn btn-ghost" disabled={busy} onClick={onCancel}>
          {t('shift.cancel')} <kbd dir="ltr">Esc</kbd>
        </button>
      </div>
    </form>
  );
}
