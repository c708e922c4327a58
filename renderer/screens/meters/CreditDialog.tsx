import { useTranslation } from 'react-i18next';
import { useMeters } from '../../stores/meters';
import { useMeterCredit } from '../../stores/metersCredit';
import { cancelCreditDialog, submitCredit } from '../../actions/metersCreditSubmit';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ModalActions, ModalDialog, ModalTitle } from '../../components/ModalDialog';
import { PaymentModeDialog } from './PaymentModeDialog';
import { DebtDialog } from './DebtDialog';
import { LimitsDialog } from './LimitsDialog';
import { DialogMeterLine } from './DialogMeterLine';

/** "Change payment mode — meter 202400000001 (Khaled)": a modal; Esc or Cancel closes it. */
export function CreditDialog() {
  const { t } = useTranslation();
  const meter = useMeters((s) => s.meter);
  const draft = useMeterCredit((s) => s.draft);
  const sending = useMeterCredit((s) => s.sending);
  const sendError = useMeterCredit((s) => s.sendError);
  const open = draft !== null && meter !== null;

  const kind = draft?.kind ?? 'mode';
  return (
    <ModalDialog
      open={open}
      prefix="mdialog"
      className="credit-dialog"
      testId="credit-dialog"
      kind={kind}
      titleId="credit-dialog-title"
      onCancel={cancelCreditDialog}
      keepOpen={() => useMeterCredit.getState().draft !== null}
      onSubmit={() => void submitCredit()}
      noValidate
    >
      {meter && (
        <>
          <ModalTitle prefix="mdialog" id="credit-dialog-title">
            {t(`meters.credit.dialog.${kind}.title`)}
          </ModalTitle>
          <DialogMeterLine meter={meter} />
          {kind === 'mode' && <PaymentModeDialog locked={sending} />}
          {kind === 'debt' && <DebtDialog locked={sending} />}
          {kind === 'limits' && <LimitsDialog locked={sending} />}
          <ErrorMessage message={sendError?.message ?? null} />
          {sendError?.unknown && <p className="retry-hint">{t(kind === 'debt' ? 'meters.credit.dialog.lostDebt' : 'meters.credit.dialog.lost')}</p>}
          <ModalActions prefix="mdialog" cancelLabel={t('meters.confirm.cancel')} cancelTestId="credit-cancel" busy={sending} onCancel={cancelCreditDialog}>
            <button type="submit" className="btn btn-primary" data-testid="credit-confirm" disabled={sending} aria-busy={sending}>
              {sending ? t('meters.confirm.sending') : t(`meters.credit.dialog.${kind}.confirm`)}
            </button>
          </ModalActions>
        </>
      )}
    </ModalDialog>
  );
}
