import { useTranslation } from 'react-i18next';
import { useDeadLetters } from '../../stores/deadLetters';
import { cancelConfirm, confirmAction, NOTE_MAX, NOTE_MIN } from '../../actions/deadLetters';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ModalActions, ModalDialog, ModalTitle } from '../../components/ModalDialog';
import { topicKey } from './topic';

/** "Send message 12 again?" / "Resolve message 12" with its required note. Esc or Cancel closes. */
export function ConfirmDialog() {
  const { t } = useTranslation();
  const { confirm, note, busy, actionError, patch } = useDeadLetters();

  const resolve = confirm?.kind === 'resolve';
  const noteOk = note.trim().length >= NOTE_MIN;
  return (
    <ModalDialog open={confirm !== null} prefix="sync-dialog" testId="dead-letter-dialog" titleId="dl-confirm-title"
      onCancel={cancelConfirm} onSubmit={() => void confirmAction()}>
      {confirm && (
        <>
          <ModalTitle prefix="sync-dialog" id="dl-confirm-title">
            {t(resolve ? 'deadLetters.confirm.resolveTitle' : 'deadLetters.confirm.retryTitle', { id: confirm.letter.id })}
          </ModalTitle>
          <p className="sync-dialog-what">{t(topicKey(confirm.letter.topic).key, topicKey(confirm.letter.topic).values)}
            {confirm.letter.receiptNo !== null && <> · {t('deadLetters.receiptNo')} <bdi dir="ltr">{confirm.letter.receiptNo}</bdi></>}
          </p>
          <p>{t(resolve ? 'deadLetters.confirm.resolveExplain' : 'deadLetters.confirm.retryExplain')}</p>
          {resolve && confirm.letter.topic === 'acrel.recharge' && <p className="sync-warn">{t('deadLetters.confirm.creditNotDelivered')}</p>}
          {resolve && (
            <label className="field">
              <span className="field-label">{t('deadLetters.confirm.note')}</span>
              <textarea className="input textarea" data-testid="resolve-note" rows={3} maxLength={NOTE_MAX} required autoFocus
                value={note} onChange={(e) => patch({ note: e.target.value })} disabled={busy} />
              <span className="field-hint">{t('deadLetters.confirm.noteHint', { min: NOTE_MIN })}</span>
            </label>
          )}
          <ErrorMessage message={actionError} />
          <ModalActions prefix="sync-dialog" cancelLabel={t('deadLetters.confirm.cancel')} cancelTestId="confirm-cancel" busy={busy} onCancel={cancelConfirm}>
            <button type="submit" className="btn btn-primary" data-testid="confirm-action" disabled={busy || (resolve && !noteOk)} aria-busy={busy} autoFocus={!resolve}>
              {busy ? t('deadLetters.confirm.working') : t(resolve ? 'deadLetters.confirm.resolve' : 'deadLetters.confirm.retry')}
            </button>
          </ModalActions>
        </>
      )}
    </ModalDialog>
  );
}
