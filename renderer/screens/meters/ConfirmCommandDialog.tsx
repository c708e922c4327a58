import { useTranslation } from 'react-i18next';
import { useMeters } from '../../stores/meters';
import { useMeterCommand } from '../../stores/metersCommand';
import { cancelCommand, submitCommand } from '../../actions/metersCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ModalActions, ModalDialog, ModalTitle } from '../../components/ModalDialog';
import { isDanger, needsLimit } from './commandKinds';
import { CommandFields } from './CommandFields';
import { DialogMeterLine } from './DialogMeterLine';

/** "Disconnect meter 04000001018 (Ahmad Ali)?" — a modal: Esc or Cancel closes it, Enter sends. */
export function ConfirmCommandDialog() {
  const { t } = useTranslation();
  const meter = useMeters((s) => s.meter);
  const draft = useMeterCommand((s) => s.draft);
  const sending = useMeterCommand((s) => s.sending);
  const retry = useMeterCommand((s) => s.pending !== null && !s.sending);
  const error = useMeterCommand((s) => s.error);
  const open = draft !== null && meter !== null;

  const kind = draft?.kind ?? 'reconnect';
  const action = t(`meters.kind.${kind}`);
  return (
    <ModalDialog
      open={open}
      prefix="mdialog"
      className={isDanger(kind) ? 'is-danger' : undefined}
      testId="confirm-dialog"
      titleId="confirm-title"
      onCancel={cancelCommand}
      keepOpen={() => useMeterCommand.getState().draft !== null}
      onSubmit={() => void submitCommand()}
    >
      {meter && (
        <>
          <ModalTitle prefix="mdialog" id="confirm-title">
            {t('meters.confirm.title', { action })}
          </ModalTitle>
          <DialogMeterLine meter={meter} />
          <p>{t(`meters.confirm.explain.${kind}`)}</p>
          <CommandFields locked={sending || retry} />
          <ErrorMessage message={error?.message ?? null} />
          {retry && <p className="retry-hint">{t('meters.confirm.retryHint')}</p>}
          <ModalActions prefix="mdialog" cancelLabel={t('meters.confirm.cancel')} cancelTestId="cancel-command" busy={sending} onCancel={cancelCommand}>
            <button type="submit" className={`btn ${isDanger(kind) ? 'btn-danger-solid' : 'btn-primary'}`} data-testid="confirm-command" disabled={sending} aria-busy={sending} autoFocus={!needsLimit(kind) && kind !== 'disconnect'}>
              {sending ? t('meters.confirm.sending') : retry ? t('meters.confirm.retry') : t('meters.confirm.send', { action })}
            </button>
          </ModalActions>
        </>
      )}
    </ModalDialog>
  );
}
