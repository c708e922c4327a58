import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../preload/contract';
import { keepAmountChars } from '../../lib/money';
import { useFormat } from '../../hooks/useFormat';
import { ErrorMessage } from '../../components/ErrorMessage';
import { MoneyInput } from '../../components/MoneyInput';
import { PinKeypad } from '../login/PinKeypad';

/** A cash amount typed with the keyboard or the on-screen keypad (major units, Latin digits). */
export function CashField({ id, label, value, onChange, error, testId, inputRef }: {
  id: string; label: string; value: string; onChange(v: string): void; error: Bilingual | null; testId: string; inputRef?: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const set = (v: string) => onChange(keepAmountChars(v));
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>{label}</label>
      <MoneyInput id={id} inputRef={inputRef} className="input-amount" testId={testId} autoFocus invalid={Boolean(error)} value={value} onChange={set} />
      <p className="field-hint">{t('shift.cashHint', { currency: f.currencyName })}</p>
      <ErrorMessage message={error} />
      <PinKeypad onDigit={(d) => set(value + d)} onBackspace={() => onChange(value.slice(0, -1))} onClear={() => onChange('')} />
    </div>
  );
}
