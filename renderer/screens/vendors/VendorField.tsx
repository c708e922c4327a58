/** One labelled input of a vendor card. Addresses, keys and numbers are Latin: always left to right. */
export function VendorField(p: { id: string; label: string; value: string; invalid?: boolean; secret?: boolean; numeric?: boolean; placeholder?: string; hint?: string; emptyDir?: 'ltr' | 'rtl'; onChange(v: string): void }) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={p.id}>{p.label}</label>
      <input
        id={p.id}
        data-testid={p.id}
        className="input"
        dir={p.value === '' && p.emptyDir ? p.emptyDir : 'ltr'}
        // Write-only: a stored secret is never sent back, so the box starts empty; the browser must not offer to save it.
        type={p.secret ? 'password' : 'text'}
        autoComplete={p.secret ? 'new-password' : 'off'}
        inputMode={p.numeric ? 'numeric' : undefined}
        spellCheck={false}
        placeholder={p.placeholder}
        aria-invalid={p.invalid ? true : undefined}
        aria-describedby={p.hint ? `${p.id}-hint` : undefined}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
      />
      {p.hint && <span className="field-hint" id={`${p.id}-hint`}>{p.hint}</span>}
    </div>
  );
}
