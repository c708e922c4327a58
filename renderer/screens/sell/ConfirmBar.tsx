import { useTranslation } from 'react-i18next';
import { useSaleFlow } from '../../stores/sale';
import { confirmSale } from '../../actions/sell';
import { useFieldError } from '../../hooks/useFieldError';
import { ErrorMessage } from '../../components/ErrorMessage';

export function ConfirmBar({ onReset }: { onReset(): void }) {
  const { t } = useTranslation();
  const selling = useSaleFlow((s) => s.selling);
  const retry = useSaleFlow((s) => s.pendingSell !== null && !s.selling);
  const done = useSaleFlow((s) => s.sale !== null);
  const ready = useSaleFlow(
    (s) => s.meter !== null && (s.vendBy === 'energy' ? s.energyText : s.amountText).trim() !== '' && (s.error === null || s.error.slot === 'sell' || s.error.slot === 'print' || s.quoteNeedsApproval),
  );
  const needsApproval = useSaleFlow((s) => s.quoteNeedsApproval);
  const newPrice = useSaleFlow((s) => s.priceChanged);
  const dirty = useSaleFlow((s) => s.meterQuery !== '' || s.amountText !== '' || s.energyText !== '');
  const error = useFieldError('sell');
  if (done) return null;

  return (
    <div className="confirm-bar">
      <ErrorMessage message={error} />
      {retry && <p className="retry-hint">{t('sell.retryHint')}</p>}
      <div className="confirm-row">
        <button
          type="button"
          className="btn btn-primary btn-confirm"
          data-testid="confirm-sale"
          disabled={selling || (!ready && !retry)}
          aria-busy={selling}
          aria-keyshortcuts="F9"
          onClick={() => void confirmSale()}
        >
          <span>{selling ? t('sell.selling') : retry ? t('sell.retry') : needsApproval ? t('sell.confirmWithApproval') : newPrice ? t('sell.confirmNewPrice') : t('sell.confirm')}</span>
          <kbd dir="ltr">F9</kbd>
        </button>
        {dirty && (
          <button type="button" className="btn btn-ghost" data-testid="clear-form" disabled={selling} onClick={onReset}>
            {t('sell.newSale')} <kbd dir="ltr">Esc</kbd>
          </button>
        )}
      </div>
    </div>
  );
}
