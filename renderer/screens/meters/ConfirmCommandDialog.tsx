import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeters } from '../../stores/meters';
import { useMeterCommand } from '../../stores/metersCommand';
import { cancelCommand, submitCommand } from '../../actions/metersCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { isDanger, needsLimit } from './commandKinds';
import { CommandFields } from './CommandFields';

/** "Disconnect meter 04000001018 (Ahmad Ali)?" — a modal: Esc or Cancel closes it, Enter sends. */
export function ConfirmCommandDialog() {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const meter = useMeters((s) => s.meter);
  const draft = useMeterCommand((s) => s.draft);
  const sending = useMeterCommand((s) => s.sending);
  const retry = useMeterCommand((s) => s.pending !== null && !s.sending);
  const error = useMeterCommand((s) => s.error);
  const open = draft !== null && meter !== null;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const kind = draft?.kind ?? 'reconnect';
  const action = t(`meters.kind.${kind}`);
  return (
    <dialog
      ref={ref}
      className={`mdialog${isDanger(kind) ? ' is-danger' : ''}`}
      data-testid="confirm-dialog"
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault(); // Esc: closed through the store, and not while sending
        cancelCommand();
      }}
      onClose={() => {
        // The browser may close a modal by itself (a repeated Esc): keep the store in step with it.
        cancelCommand();
        if (useMeterCommand.getState().draft) ref.current?.showModal(); // still sending: stay open
      }}
    >
      {open && (
        <form
          method="dialog"
          className="mdialog-body"
          onSubmit={(e) => {
            e.preventDefault();
            void submitCommand();
          }}
        >
          <h2 id="confirm-title" className="mdialog-title">
            {t('meters.confirm.title', { action })}
          </h2>
          <p className="mdialog-meter">
            <span>{t('meters.confirm.meter')}</span>{' '}
            <bdi dir="ltr" className="mono meter-number">
              {meter.number}
            </bdi>
            {meter.customerName && (
              <>
                {' · '}
                <bdi>{meter.customerName}</bdi>
              </>
            )}
          </p>
          <p>{t(`meters.confirm.explain.${kind}`)}</p>
          <CommandFields locked={sending || retry} />
          <ErrorMessage message={error?.message ?? null} />
          {retry && <p className="retry-hint">{t('meters.confirm.retryHint')}</p>}
          <div className="mdialog-actions">
            <button type="submit" className={`btn ${isDanger(kind) ? 'btn-danger-solid' : 'btn-primary'}`} data-testid="confirm-command" disabled={sending} aria-busy={sending} autoFocus={!needsLimit(kind) && kind !== 'disconnect'}>
              {sending ? t('meters.confirm.sending') : retry ? t('meters.confirm.retry') : t('meters.confirm.send', { action })}
            </button>
            <button type="button" className="btn btn-ghost" data-testid="cancel-command" disabled={sending} onClick={cancelCommand}>
              {t('meters.confirm.cancel')} <kbd dir="ltr">Esc</kbd>
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
