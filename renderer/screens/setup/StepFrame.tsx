import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../preload/contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField, type TextFieldProps } from '../../components/TextField';
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
export function SetupField({ code, type, ...p }: Omit<TextFieldProps, 'prose' | 'secret'> & { code?: boolean; type?: 'text' | 'password' }) {
  return <TextField {...p} prose={!code} secret={type === 'password'} />;
}
