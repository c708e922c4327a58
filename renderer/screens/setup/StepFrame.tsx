import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../preload/contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSetup } from '../../stores/setup';
import { previousStep } from './steps';

/**
 * One step's card: title, why it is asked, its fields (a form: Enter is Next), main's refusal,
 * Back and Next. `aside` sits outside the form: a step may hold forms of its own there.
 */
export function StepFrame(p: { title: string; intro: string; error: Bilingual | null; busy: boolean; next?: string; onNext(): void; children: ReactNode; aside?: ReactNode }) {
  const { t } = useTranslation();
  const step = useSetup((s) => s.step);
  const go = useSetup((s) => s.go);
  const back = previousStep(step);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!p.busy) p.onNext();
  };
  return (
    <section className="setup-card" data-testid={`setup-step-${step}`}>
      <header className="setup-card-head">
        <h2 className="setup-title">{p.title}</h2>
        <p className="muted">{p.intro}</p>
      </header>
      <form id="setup-step-form" className="setup-fields" onSubmit={submit} noValidate>
        {p.children}
      </form>
      {p.aside}
      <ErrorMessage message={p.error} />
      <div className="setup-actions">
        {back && (
          <button type="button" className="btn" data-testid="setup-back" disabled={p.busy} onClick={() => go(back)}>
            {t('setup.back')}
          </button>
        )}
        <button type="submit" form="setup-step-form" className="btn btn-primary" data-testid="setup-next" disabled={p.busy}>
          {p.busy ? t('setup.saving') : (p.next ?? t('setup.next'))}
        </button>
      </div>
    </section>
  );
}

/** A labelled text input of a setup step. `code`: typed as a code (Latin, the monospace face); otherwise prose, Arabic joined. */
export function SetupField(p: { code?: boolean; id: string; label: string; value: string; hint?: string; invalid?: boolean; dir?: 'ltr' | 'rtl' | 'auto'; type?: 'text' | 'password'; numeric?: boolean; autoFocus?: boolean; maxLength?: number; onChange(v: string): void }) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={p.id}>{p.label}</label>
      <input
        id={p.id}
        data-testid={p.id}
        className={p.code ? 'input' : 'input input-prose'}
        dir={p.dir}
        type={p.type ?? 'text'}
        inputMode={p.numeric ? 'numeric' : undefined}
        autoComplete="off"
        spellCheck={false}
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
