import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

/**
 * A modal <dialog> holding one form: shown while `open`, Esc goes through onCancel (never
 * closed behind the caller's back), the form's submit goes to onSubmit.
 */
export function Dialog(props: { open: boolean; title: string; testId: string; danger?: boolean; onCancel: () => void; onSubmit?: () => void; children: ReactNode; actions: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) d.showModal();
    if (!props.open && d.open) d.close();
  }, [props.open]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit?.();
  };
  return (
    <dialog ref={ref} className={props.danger ? 'cdialog is-danger' : 'cdialog'} data-testid={props.testId} aria-labelledby={`${props.testId}-title`}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}>
      {props.open && (
        <form className="cdialog-body" onSubmit={submit}>
          <h2 id={`${props.testId}-title`} className="cdialog-title">{props.title}</h2>
          {props.children}
          <div className="cdialog-actions">{props.actions}</div>
        </form>
      )}
    </dialog>
  );
}
