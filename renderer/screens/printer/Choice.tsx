
/** A labelled radio group drawn as segments (the sell screen's payment-method look). */
export function Choice<T extends string | number>({ name, label, value, options, onChange }: { name: string; label: string; value: T; options: Array<{ value: T; label: string }>; onChange(v: T): void }) {
  return (
    <fieldset className="field">
      <legend className="field-label">{label}</legend>
      <div className="segmented">
        {options.map((o) => (
          <label key={String(o.value)} className={`segment ${value === o.value ? 'is-on' : ''}`}>
            <input type="radio" name={name} value={String(o.value)} data-testid={`${name}-${o.value}`} checked={value === o.value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
