import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../../../preload/contract';
import { useSaleFlow } from '../../stores/sale';
import { confirmSale } from '../../actions/sell';
import { useFieldError } from '../../hooks/useFieldError';
import { ErrorMessage } from '../../components/ErrorMessage';
import { MoneyInput } from '../../components/MoneyInput';

const METHODS: PaymentMethod[] = ['cash', 'card', 'transfer'];

export function PaymentFields({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const method = useSaleFlow((s) => s.paymentMethod);
  const tendered = useSaleFlow((s) => s.tenderedText);
  const hasMeter = useSaleFlow((s) => s.meter !== null);
  const locked = useSaleFlow((s) => s.sale !== null || s.pendingSell !== null);
  const patch = useSaleFlow((s) => s.patch);
  const error = useFieldError('tendered');

  return (
    <div className="payment">
      <fieldset className="field methods" disabled={!hasMeter || locked}>
        <legend className="field-label">{t('sell.method')}</legend>
        <div className="segmented">
          {METHODS.map((m) => (
            <label key={m} className={`segment ${method === m ? 'is-on' : ''}`}>
              <input
                type="radio"
                name="payment-method"
                value={m}
                data-testid={`method-${m}`}
                checked={method === m}
                onChange={() => patch({ paymentMethod: m })}
              />
              {t(`sell.methods.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label className="field-label" htmlFor="tendered-input">
          {t('sell.tendered')}
        </label>
        <MoneyInput
          id="tendered-input"
          inputRef={inputRef}
          testId="tendered-input"
          disabled={!hasMeter}
          readOnly={locked}
          placeholder={t('sell.tenderedHint')}
          invalid={Boolean(error)}
          value={tendered}
          onChange={(tenderedText) => patch({ tenderedText })}
          onEnter={() => void confirmSale()}
        />
        <ErrorMessage message={error} />
      </div>
    </div>
  );
}
