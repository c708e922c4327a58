import { useCallback, useRef } from 'react';
import { useSaleFlow } from '../../stores/sale';
import { useAutoQuote } from '../../hooks/useAutoQuote';
import { useSellHotkeys } from '../../hooks/useSellHotkeys';
import { MeterField } from './MeterField';
import { MeterChoices } from './MeterChoices';
import { MeterCard } from './MeterCard';
import { AmountField } from './AmountField';
import { PaymentFields } from './PaymentFields';
import { ConfirmBar } from './ConfirmBar';
import { QuotePanel } from './QuotePanel';
import { SaleResult } from './SaleResult';
import { RecentSales } from './RecentSales';

/** The main screen: meter -> amount -> quote -> payment -> confirm -> result. Keyboard first. */
export function SellScreen() {
  const meterRef = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const tenderedRef = useRef<HTMLInputElement>(null);
  const hasSale = useSaleFlow((s) => s.sale !== null);
  useAutoQuote();

  // Move focus at once when the field is usable, so fast typing (or a wedge scanner) never lands in
  // the previous field; otherwise after React has enabled it (it is disabled until a meter is chosen).
  const focusLater = (ref: React.RefObject<HTMLInputElement | null>) => {
    const focus = () => {
      ref.current?.focus();
      ref.current?.select();
    };
    if (ref.current && !ref.current.disabled) focus();
    else requestAnimationFrame(focus);
  };

  const reset = useCallback(() => {
    useSaleFlow.getState().reset();
    focusLater(meterRef);
  }, []);
  const focusAmount = useCallback(() => focusLater(amountRef), []);
  useSellHotkeys(reset, focusAmount);

  return (
    <main className="sell">
      <section className="sell-form" aria-labelledby="meter-input">
        <MeterField inputRef={meterRef} onFound={() => focusLater(amountRef)} />
        <MeterChoices onPicked={() => focusLater(amountRef)} />
        <MeterCard onChange={() => focusLater(meterRef)} />
        <AmountField inputRef={amountRef} onNext={() => focusLater(tenderedRef)} />
        <PaymentFields inputRef={tenderedRef} />
        <ConfirmBar onReset={reset} />
      </section>
      <section className="sell-side">{hasSale ? <SaleResult onNewSale={reset} /> : <QuotePanel />}</section>
      <RecentSales />
    </main>
  );
}
