import type { Ref } from 'react';
import { useFormat } from '../hooks/useFormat';

export interface MoneyInputProps {
  id: string;
  testId: string;
  /** The text as typed. */
  value: string;
  onChange(text: string): void;
  /** Classes besides "input" (the sell screen's large digits, the meter dialogs' narrower box). */
  className?: string;
  inputRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
  readOnly?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
  /** The field's error is shown next to it: screen readers hear that the amount is wrong. */
  invalid?: boolean;
  describedBy?: string;
  /** Enter does this instead of submitting the form (the sell screen moves on or confirms). */
  onEnter?(): void;
}

/**
 * The one input an amount is typed into: major units with one decimal point, Latin or Arabic-Indic
 * digits, always left to right (digits read the same in both languages), with the decimal keypad
 * on touch screens. It keeps the text exactly as typed and never parses it: where the amount is
 * used it is read into integer minor units by parseMajorToMinor (lib/money.ts), by string
 * arithmetic, so no amount passes through a float and a half-typed "100." is not rewritten under
 * the cursor. (The sell screen's amount field is also its kWh field, read by lib/energy.ts.)
 */
export function MoneyInput(p: MoneyInputProps) {
  const onEnter = p.onEnter;
  return (
    <input
      id={p.id}
      ref={p.inputRef}
      className={p.className ? `input ${p.className}` : 'input'}
      data-testid={p.testId}
      dir="ltr"
      inputMode="decimal"
      autoComplete="off"
      disabled={p.disabled}
      readOnly={p.readOnly}
      autoFocus={p.autoFocus}
      placeholder={p.placeholder}
      aria-invalid={p.invalid ? true : undefined}
      aria-describedby={p.describedBy}
      value={p.value}
      onChange={(e) => p.onChange(e.target.value)}
      onKeyDown={
        onEnter &&
        ((e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onEnter();
          }
        })
      }
    />
  );
}

export interface MoneyFieldProps {
  id: string;
  testId: string;
  label: string;
  hint?: string;
  value: string;
  readOnly?: boolean;
  autoFocus?: boolean;
  onChange(text: string): void;
}

/** A labelled amount with the currency named beside it (the meter page's dialogs); Enter submits the form. */
export function MoneyField(p: MoneyFieldProps) {
  const f = useFormat();
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  return (
    <div className="field">
      <label className="field-label" htmlFor={p.id}>
        {p.label}
      </label>
      <div className="money-field">
        <MoneyInput
          id={p.id}
          testId={p.testId}
          className="input-money"
          value={p.value}
          readOnly={p.readOnly}
          autoFocus={p.autoFocus}
          describedBy={hintId}
          onChange={p.onChange}
        />
        <span className="muted money-unit">{f.currencyName}</span>
      </div>
      {p.hint && (
        <p id={hintId} className="field-hint">
          {p.hint}
        </p>
      )}
    </div>
  );
}
