/** A row of radio buttons styled as one control (like the sell screen's payment method). */
export function Segmented<T extends string>(p: { name: string; legend: string; options: T[]; value: T; label(v: T): string; onChange(v: T): void }) {
  return (
    <fieldset className="field">
      <legend className="field-label">{p.legend}</legend>
      <div className="segmented">
        {p.options.map((o) => (
          <label key={o} className={`segment ${p.value === o ? 'is-on' : ''}`}>
            <input type="radio" name={p.name} value={o} data-testid={`${p.name}-${o}`} checked={p.value === o} onChange={() => p.onChange(o)} />
            {p.label(o)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
