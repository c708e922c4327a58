import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaleFlow } from '../../stores/sale';
import { requestQuote } from '../../actions/quote';
import { useFieldError } from '../../hooks/useFieldError';
import { useFormat } from '../../hooks/useFormat';
import { ErrorMessage } from '../../components/ErrorMessage';
import { QuickAmounts } from './QuickAmounts';

export function AmountField({ inputRef, onNext }: { inputRef: RefObject<HTMLInputElement | null>; onNext(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const amount = useSaleFlow((s) => s.amountText);
  const hasMeter = useSaleFlow((s) => s.meter !== null);
  const locked = useSaleFlow((s) => s.sale !== null || s.pendingSell !== null);
  const patch = useSaleFlow((s) => s.patch);
  const error = useFieldError('amount');

  return (
    <div className="field">
      <label className="field-label" htmlFor="amount-input">
        {t('sell.amount')}
      </label>
      <input
        id="amount-input"
        ref={inputRef}
        className="input input-amount"
        data-testid="amount-input"
        dir="ltr"
        inputMode="decimal"
        autoComplete="off"
        disabled={!hasMeter}
        readOnly={locked}
        aria-invalid={error ? true : undefined}
        aria-describedby="amount-hint"
        value={amount}
        onChange={(e) => patch({ amountText: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void requestQuote();
            onNext();
          }
        }}
      />
      <p id="amount-hint" className="field-hint">
        {t('sell.amountHint', { currency: f.currencyName })}
      </p>
      <ErrorMessage message={error} />
      {!locked && <QuickAmounts disabled={!hasMeter} onPicked={onNext} />}
    </div>
  );
}
