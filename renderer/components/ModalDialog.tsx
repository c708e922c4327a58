import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

/**
 * The one modal <dialog> every confirm/approval dialog is: shown with showModal() while `open`,
 * closed when it is not; Esc (the dialog's cancel) goes through `onCancel`, never straight to the
 * browser. While open it holds one <form> (`${prefix}-body`) whose submit goes to `onSubmit`.
 * The content may need what `open` narrows (the caller keeps its `x && ...` guard around it).
 */
export function ModalDialog(props: {
  open: boolean;
  /** The stylesheet's family: 'mdialog', 'sync-dialog', 'day-dialog' (…-body is the form). */
  prefix: string;
  /** Extra classes on the <dialog>. */
  className?: string;
  testId: string;
  /** The id of the title inside, for aria-labelledby. */
  titleId: string;
  /** Set as data-kind on the <dialog>. */
  kind?: string;
  /** Esc or Cancel. */
  onCancel: () => void;
  /** Runs each time the dialog opens (reset local fields). */
  onOpen?: () => void;
  /**
   * Given: the browser may close a modal by itself (a repeated Esc); the store is kept in step
   * through onCancel, and the dialog is shown again while keepOpen() says so (still sending).
   */
  keepOpen?: () => boolean;
  onSubmit: () => void;
  noValidate?: boolean;
  children: ReactNode;
}) {
  const { open, onOpen, onCancel, keepOpen, onSubmit } = props;
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      onOpen?.();
      d.showModal();
    }
    if (!open && d.open) d.close();
    // Only `open` drives it: onOpen runs on the opening edge, a new callback identity is no new opening.
  }, [open]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <dialog
      ref={ref}
      className={props.className ? `${props.prefix} ${props.className}` : props.prefix}
      data-testid={props.testId}
      data-kind={props.kind}
      aria-labelledby={props.titleId}
      onCancel={(e) => {
        e.preventDefault(); // Esc: closed through the caller's store, and not while busy
        onCancel();
      }}
      onClose={
        keepOpen &&
        (() => {
          onCancel();
          if (keepOpen()) ref.current?.showModal();
        })
      }
    >
      {open && (
        <form className={`${props.prefix}-body`} noValidate={props.noValidate} onSubmit={submit}>
          {props.children}
        </form>
      )}
    </dialog>
  );
}

/** The dialog's title (`${prefix}-title`), the element its aria-labelledby names. */
export function ModalTitle({ prefix, id, children }: { prefix: string; id: string; children: ReactNode }) {
  return (
    <h2 id={id} className={`${prefix}-title`}>
      {children}
    </h2>
  );
}

/** The row of buttons at the bottom (`${prefix}-actions`): the submit button, then a Cancel with its Esc hint. */
export function ModalActions(props: {
  prefix: string;
  children: ReactNode;
  cancelLabel: ReactNode;
  cancelTestId?: string;
  onCancel: () => void;
  busy?: boolean;
}) {
  return (
    <div className={`${props.prefix}-actions`}>
      {props.children}
      <button type="button" className="btn btn-ghost" data-testid={props.cancelTestId} disabled={props.busy} onClick={props.onCancel}>
        {props.cancelLabel} <kbd dir="ltr">Esc</kbd>
      </button>
    </div>
  );
}
