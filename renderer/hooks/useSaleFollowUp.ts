import { useEffect } from 'react';
import { useSaleFlow } from '../stores/sale';
import { invoke } from '../transport';

const FOLLOW_MS = 3000;
const SETTLED = new Set(['issued', 'failed']);

/** While the sale on screen is not settled (paid / pending / unknown), re-read it so the cashier
 *  sees it turn 'issued' (and an STS token appear) when the connection returns. */
export function useSaleFollowUp(): void {
  const id = useSaleFlow((s) => s.sale?.id ?? null);
  const status = useSaleFlow((s) => s.sale?.status ?? null);
  useEffect(() => {
    if (!id || !status || SETTLED.has(status)) return;
    const h = window.setInterval(() => {
      invoke('sales.get', { id })
        .then((sale) => {
          const s = useSaleFlow.getState();
          if (s.sale?.id === sale.id && (sale.status !== s.sale.status || sale.token !== s.sale.token)) s.patch({ sale });
        })
        .catch(() => undefined);
    }, FOLLOW_MS);
    return () => window.clearInterval(h);
  }, [id, status]);
}
