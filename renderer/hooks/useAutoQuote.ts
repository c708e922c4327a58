import { useEffect } from 'react';
import { useSaleFlow } from '../stores/sale';
import { requestQuote } from '../actions/quote';

const DEBOUNCE_MS = 250;

/** Re-quote (debounced) whenever the meter, amount (money or kWh) or tendered amount changes. */
export function useAutoQuote(): void {
  const meter = useSaleFlow((s) => s.meter?.number ?? null);
  const amount = useSaleFlow((s) => (s.vendBy === 'energy' ? `kWh:${s.energyText}` : s.amountText));
  const tendered = useSaleFlow((s) => s.tenderedText);
  const locked = useSaleFlow((s) => s.sale !== null || s.pendingSell !== null);
  useEffect(() => {
    if (!meter || locked) return;
    const h = window.setTimeout(() => void requestQuote(), DEBOUNCE_MS);
    return () => window.clearTimeout(h);
  }, [meter, amount, tendered, locked]);
}
