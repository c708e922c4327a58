import { useTranslation } from 'react-i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** On-screen keypad for touch counters. Always laid out like a phone keypad (left-to-right). */
export function PinKeypad({ onDigit, onBackspace, onClear }: { onDigit(d: string): void; onBackspace(): void; onClear(): void }) {
  const { t } = useTranslation();
  // Buttons must not steal focus from the PIN field, so Enter keeps submitting.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className="keypad" dir="ltr" role="group" aria-label={t('login.keypad')}>
      {KEYS.map((k) => (
        <button key={k} type="button" className="key" onMouseDown={keep} onClick={() => onDigit(k)} data-testid={`keypad-${k}`}>
          {k}
        </button>
      ))}
      <button type="button" className="key key-aux" onMouseDown={keep} onClick={onClear} aria-label={t('login.clear')}>
        {t('login.clear')}
      </button>
      <button type="button" className="key" onMouseDown={keep} onClick={() => onDigit('0')} data-testid="keypad-0">
        0
      </button>
      <button type="button" className="key key-aux" onMouseDown={keep} onClick={onBackspace} aria-label={t('login.backspace')}>
        ⌫
      </button>
    </div>
  );
}
