import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaleFlow } from '../../stores/sale';
import { requestQuote } from '../../actions/quote';
import { useFieldError } from '../../hooks/useFieldError';
import { useFormat } from '../../hooks/useFormat';
import { ErrorMessage } from '../../components/ErrorMessage';
import { MoneyInput } from '../../components/MoneyInput';
import { QuickAmounts } from './QuickAmounts';
import { VendBySwitch } from './VendBySwitch';

/** The amount sold: money, or kWh for a prepaid STS meter (the switch). One input either way, so
 *  switching keeps the focus where the cashier is typing. */
export function AmountField({ inputRef, onNext }: { inputRef: RefObject<HTMLInputElement | null>; onNext(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const byEnergy = useSaleFlow((s) => s.vendBy === 'energy');
  const text = useSaleFlow((s) => (s.vendBy === 'energy' ? s.energyText : s.amountText));
  const hasMeter = useSaleFlow((s) => s.meter !== null);
  const locked = useSaleFlow((s) => s.sale !== null || s.pendingSell !== null);
  const patch = useSaleFlow((s) => s.patch);
  const error = useFieldError('amount');
  const focus = () => {
    inputRef.current?.focus();
    inputRef.current?.select();
  };

  return (
    <div className="field">
      <div className="field-head">
        <label className="field-label" htmlFor="amount-input">
          {byEnergy ? t('sell.energy') : t('sell.amount')}
        </label>
        <VendBySwitch onSwitched={focus} />
      </div>
      <MoneyInput
        id="amount-input"
        inputRef={inputRef}
        className={byEnergy ? 'input-amount input-energy' : 'input-amount'}
        testId={byEnergy ? 'energy-input' : 'amount-input'}
        disabled={!hasMeter}
        readOnly={locked}
        invalid={Boolean(error)}
        describedBy="amount-hint"
        value={text}
        onChange={(v) => patch(byEnergy ? { energyText: v } : { amountText: v })}
        onEnter={() => {
          void requestQuote();
          onNext();
        }}
      />
      <p id="amount-hint" className="field-hint">
        {byEnergy ? t('sell.energyHint') : t('sell.amountHint', { currency: f.currencyName })}
      </p>
      <ErrorMessage message={error} />
      {!locked && <QuickAmounts disabled={!hasMeter} byEnergy={byEnergy} onPicked={onNext} />}
    </div>
  );
}
