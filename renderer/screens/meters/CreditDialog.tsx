import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeters } from '../../stores/meters';
import { useMeterCredit } from '../../stores/metersCredit';
import { cancelCreditDialog, submitCredit } from '../../actions/metersCreditSubmit';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PaymentModeDialog } from './PaymentModeDialog';
import { DebtDialog } from './DebtDialog';
import { LimitsDialog } from './LimitsDialog';

/** "Change payment mode — meter 202400000001 (Khaled)": a modal; Esc or Cancel closes it. */
export function CreditDialog() {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const meter = useMeters((s) => s.meter);
  const draft = useMeterCredit((s) => s.draft);
  const sending = useMeterCredit((s) => s.sending);
  const sendError = useMeterCredit((s) => s.sendError);
  const open = draft !== null && meter !== null;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const kind = draft?.kind ?? 'mode';
  return (
    <dialog
      ref={ref}
      className="mdialog credit-dialog"
      data-testid="credit-dialog"
      data-kind={kind}
      aria-labelledby="credit-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        cancelCreditDialog();
      }}
      onClose={() => {
        cancelCreditDialog();
        if (useMeterCredit.getState().draft) ref.current?.showModal(); // still sending: stay open
      }}
    >
      {open && (
        <form
          method="dialog"
          className="mdialog-body"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submitCredit();
          }}
        >
          <h2 id="credit-dialog-title" className="mdialog-title">
            {t(`meters.credit.dialog.${kind}.title`)}
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
          {kind === 'mode' && <PaymentModeDialog locked={sending} />}
          {kind === 'debt' && <DebtDialog locked={sending} />}
          {kind === 'limits' && <LimitsDialog locked={sending} />}
          <ErrorMessage message={sendError?.message ?? null} />
          {sendError?.unknown && <p className="retry-hint">{t(kind === 'debt' ? 'meters.credit.dialog.lostDebt' : 'meters.credit.dialog.lost')}</p>}
          <div className="mdialog-actions">
            <button type="submit" className="btn btn-primary" data-testid="credit-confirm" disabled={sending} aria-busy={sending}>
              {sending ? t('meters.confirm.sending') : t(`meters.credit.dialog.${kind}.confirm`)}
            </button>
            <button type="button" className="btn btn-ghost" data-testid="credit-cancel" disabled={sending} onClick={cancelCreditDialog}>
              {t('meters.confirm.cancel')} <kbd dir="ltr">Esc</kbd>
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
