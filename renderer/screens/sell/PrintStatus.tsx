import { useTranslation } from 'react-i18next';
import { useSaleFlow } from '../../stores/sale';
import { printAgain } from '../../actions/print';
import { useFieldError } from '../../hooks/useFieldError';
import { ErrorMessage } from '../../components/ErrorMessage';

/** Receipt print status and 'Print again' (main marks reprints COPY). */
export function PrintStatus() {
  const { t } = useTranslation();
  const status = useSaleFlow((s) => s.sale?.printStatus ?? 'none');
  const printing = useSaleFlow((s) => s.printing);
  const outcome = useSaleFlow((s) => s.printOutcome);
  const error = useFieldError('print');
  return (
    <div className="print">
      <span className="fact-label">{t('result.print')}</span>
      <span className={`print-status print-${status}`} data-testid="print-status" data-status={status}>
        {outcome?.printed ? (outcome.copy ? t('result.printedCopy') : t('result.printed')) : t(`result.printStatus.${status}`)}
      </span>
      <button type="button" className="btn" data-testid="print-again" disabled={printing} onClick={() => void printAgain()}>
        {printing ? t('result.printing') : t('result.printAgain')}
      </button>
      <ErrorMessage message={error} />
    </div>
  );
}
