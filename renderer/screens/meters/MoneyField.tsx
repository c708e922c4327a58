import { useFormat } from '../../hooks/useFormat';

interface MoneyFieldProps {
  id: string;
  testId: string;
  label: string;
  hint?: string;
  value: string;
  locked: boolean;
  autoFocus?: boolean;
  onChange(v: string): void;
}

/** An amount in major units (digits, one decimal point), typed left to right; parsed exactly on send. */
export function MoneyField(p: MoneyFieldProps) {
  const f = useFormat();
  return (
    <div className="field">
      <label className="field-label" htmlFor={p.id}>
        {p.label}
      </label>
      <div className="money-field">
        <input
          id={p.id}
          className="input input-money"
          data-testid={p.testId}
          dir="ltr"
          inputMode="decimal"
          autoComplete="off"
          autoFocus={p.autoFocus}
          readOnly={p.locked}
          aria-describedby={p.hint ? `${p.id}-hint` : undefined}
          value={p.value}
          onChange={(e) => p.onChange(e.target.value)}
        />
        <span className="muted money-unit">{f.currencyName}</span>
      </div>
      {p.hint && (
        <p id={`${p.id}-hint`} className="field-hint">
          {p.hint}
        </p>
      )}
    </div>
  );
}
