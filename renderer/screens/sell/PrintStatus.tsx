import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaleFlow } from '../../stores/sale';
import { printAgain } from '../../actions/print';
import { useFieldError } from '../../hooks/useFieldError';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ReceiptPreview } from '../printer/ReceiptPreview';

/** Receipt print status, 'Print again' (main marks reprints COPY) and the receipt as printed. */
export function PrintStatus() {
  const { t } = useTranslation();
  const saleId = useSaleFlow((s) => s.sale?.id ?? null);
  const status = useSaleFlow((s) => s.sale?.printStatus ?? 'none');
  const printing = useSaleFlow((s) => s.printing);
  const outcome = useSaleFlow((s) => s.printOutcome);
  const error = useFieldError('print');
  const [showPreview, setShowPreview] = useState(false);
  return (
    <div className="print-block">
      <div className="print">
        <span className="fact-label">{t('result.print')}</span>
        <span className={`print-status print-${status}`} data-testid="print-status" data-status={status}>
          {outcome?.printed ? (outcome.copy ? t('result.printedCopy') : t('result.printed')) : t(`result.printStatus.${status}`)}
        </span>
        <button type="button" className="btn" data-testid="print-again" disabled={printing} onClick={() => void printAgain()}>
          {printing ? t('result.printing') : t('result.printAgain')}
        </button>
        <button type="button" className="btn btn-ghost" data-testid="toggle-preview" aria-expanded={showPreview} onClick={() => setShowPreview(!showPreview)}>
          {showPreview ? t('receipt.hidePreview') : t('receipt.showPreview')}
        </button>
      </div>
      <ErrorMessage message={error} />
      {showPreview && saleId && <ReceiptPreview saleId={saleId} version={status} />}
    </div>
  );
}
