/**
 * One labelled text input with its optional hint, the way every form of the app draws it: the
 * label tied to the input, the hint read out with it, the field marked invalid for assistive
 * technology. Screens give what differs (direction, secret, numeric keypad, the prose face).
 */
export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  hint?: string;
  invalid?: boolean;
  dir?: 'ltr' | 'rtl' | 'auto';
  /** Write-only: shown as dots, and the browser must not offer to save it. */
  secret?: boolean;
  numeric?: boolean;
  /** Typed as prose (Arabic joined, the text face) rather than as a code. */
  prose?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
  maxLength?: number;
}

export function TextField(p: TextFieldProps) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={p.id}>{p.label}</label>
      <input
        id={p.id}
        data-testid={p.id}
        className={p.prose ? 'input input-prose' : 'input'}
        dir={p.dir}
        type={p.secret ? 'password' : 'text'}
        autoComplete={p.secret ? 'new-password' : 'off'}
        inputMode={p.numeric ? 'numeric' : undefined}
        spellCheck={false}
        placeholder={p.placeholder}
        autoFocus={p.autoFocus}
        maxLength={p.maxLength}
        aria-invalid={p.invalid ? true : undefined}
        aria-describedby={p.hint ? `${p.id}-hint` : undefined}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
      />
      {p.hint && <span className="field-hint" id={`${p.id}-hint`}>{p.hint}</span>}
    </div>
  );
}
