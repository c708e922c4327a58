import { useEffect } from 'react';
import { useSaleFlow } from '../stores/sale';
import { confirmSale } from '../actions/sell';
import { toggleVendBy } from '../actions/vendBy';

/** F9 confirms from anywhere; F2 switches by money / by kWh (prepaid STS meters), then the amount
 *  field takes the keys; Esc starts a new sale (not while one is being sent). */
export function useSellHotkeys(onReset: () => void, onVendBy: () => void): void {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      // A dialog over the sell screen (approval, change PIN...) owns its keys: Esc closes it.
      if (document.querySelector('dialog[open]')) return;
      if (e.key === 'F9') {
        e.preventDefault();
        void confirmSale();
      } else if (e.key === 'F2') {
        e.preventDefault();
        if (toggleVendBy()) onVendBy();
      } else if (e.key === 'Escape') {
        const s = useSaleFlow.getState();
        if (s.selling || s.pendingSell) return; // a sale in doubt is left with the button, not a stray key
        e.preventDefault();
        onReset();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onReset, onVendBy]);
}
