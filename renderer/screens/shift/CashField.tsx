import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../preload/contract';
import { normalizeDigits } from '../../lib/money';
import { useFormat } from '../../hooks/useFormat';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PinKeypad } from '../login/PinKeypad';

/** A cash amount typed with the keyboard or the on-screen keypad (major units, Latin digits). */
export function CashField({ id, label, value, onChange, error, testId, inputRef }: {
  id: string; label: string; value: string; onChange(v: string): void; error: Bilingual | null; testId: string; inputRef?: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const set = (v: string) => onChange(normalizeDigits(v).replace(/[^\d.]/g, '').slice(0, 16));
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>{label}</label>
      <input id={id} ref={inputRef} className="input input-amount" data-testid={testId} dir="ltr" inputMode="decimal" autoComplete="off" autoFocus
        aria-invalid={error ? true : undefined} value={value} onChange={(e) => set(e.target.value)} />
      <p className="field-hint">{t('shift.cashHint', { currency: f.currencyName })}</p>
      <ErrorMessage message={error} />
      <PinKeypad onDigit={(d) => set(value + d)} onBackspace={() => onChange(value.slice(0, -1))} onClear={() => onChange('')} />
    </div>
  );
}
