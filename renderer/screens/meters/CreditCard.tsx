import { useTranslation } from 'react-i18next';
import { useMeterCredit } from '../../stores/metersCredit';
import { refreshCredit } from '../../actions/metersCredit';
import { openCreditDialog } from '../../actions/metersCreditSubmit';
import { useHeadOfficeOwned } from '../../stores/masterData';
import { Card } from './Card';
import { CreditFacts } from './CreditFacts';
import { CreditPending } from './CreditPending';
import { CreditCloud } from './CreditCloud';
import { useCreditFollow } from './useCreditFollow';

/** How the meter is paid for: mode, debt, credit, purchase limits, beside the cloud's own record. */
export function CreditCard() {
  // Payment mode and limits are the head office's once enrolled; the debt is the counter's own.
  const owned = useHeadOfficeOwned();
  const { t } = useTranslation();
  const info = useMeterCredit((s) => s.info);
  const loading = useMeterCredit((s) => s.loading);
  const error = useMeterCredit((s) => s.error);
  const busy = useMeterCredit((s) => s.sending || s.draft !== null);
  useCreditFollow();
  return (
    <Card title={t('meters.credit.title')} testId="meter-credit-card" loading={loading} error={error} onRefresh={() => void refreshCredit()}>
      {info ? (
        <>
          <p className={`mode-pill mode-${info.paymentMode}`} data-testid="meter-mode" data-mode={info.paymentMode}>
            <span className="mode-pill-label">{t('meters.head.mode')}</span>
            <strong title={t(`meters.credit.modeExplain.${info.paymentMode}`)}>{t(`meter.mode.${info.paymentMode}`)}</strong>
          </p>
          <CreditFacts info={info} />
          <CreditPending />
          <CreditCloud info={info} />
          <div className="credit-actions" role="group" aria-label={t('meters.credit.actions')}>
            {!owned && <button type="button" className="btn" data-testid="change-mode" disabled={busy} onClick={() => openCreditDialog('mode')}>
              {t('meters.credit.changeMode')}
            </button>}
            <button type="button" className="btn" data-testid="adjust-debt" disabled={busy} onClick={() => openCreditDialog('debt')}>
              {t('meters.credit.adjustDebt')}
            </button>
            {!owned && <button type="button" className="btn" data-testid="set-limits" disabled={busy} onClick={() => openCreditDialog('limits')}>
              {t('meters.credit.setLimits')}
            </button>}
          </div>
        </>
      ) : (
        !error && <p className="muted">{t('meters.reading')}</p>
      )}
    </Card>
  );
}
