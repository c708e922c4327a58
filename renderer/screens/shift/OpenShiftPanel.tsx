import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../preload/contract';
import { useShift } from '../../stores/shift';
import { useSession } from '../../stores/session';
import { openShift } from '../../actions/shiftOpen';
import { CashField } from './CashField';

/** Before the first sale: count the cash float in the drawer and open the shift. */
export function OpenShiftPanel() {
  const { t } = useTranslation();
  const busy = useShift((s) => s.busy);
  const needed = useShift((s) => s.needed);
  const user = useSession((s) => s.user);
  const [text, setText] = useState('');
  const [error, setError] = useState<Bilingual | null>(null);
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setError(await openShift(text));
  };
  return (
    <main className="day-center">
      <form className="panel day-card" data-testid="open-shift" onSubmit={(e) => void submit(e)} noValidate>
        <h1 className="day-title">{t('shift.openTitle')}</h1>
        <p className="muted">{t(needed ? 'shift.openNeeded' : 'shift.openIntro', { name: user?.displayName ?? '' })}</p>
        <CashField id="float-input" label={t('shift.float')} value={text} onChange={setText} error={error} testId="float-input" />
        <button type="submit" className="btn btn-primary btn-block" data-testid="open-shift-submit" disabled={busy || text.trim() === ''} aria-busy={busy}>
          {busy ? t('shift.opening') : t('shift.open')} <kbd dir="ltr">Enter</kbd>
        </button>
      </form>
    </main>
  );
}
