import type { ReactNode } from 'react';

/** A labelled control with its own error under it (checked before sending, or the service's refusal of that field). */
export function FormField({ id, label, hint, error, wide, children }: { id: string; label: string; hint?: string; error?: string | null; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label className="field-label" htmlFor={id}>{label}</label>
      {children}
      {hint && <span className="field-hint" id={`${id}-hint`}>{hint}</span>}
      {error && <span className="field-error" data-testid={`${id}-error`}>{error}</span>}
    </div>
  );
}
