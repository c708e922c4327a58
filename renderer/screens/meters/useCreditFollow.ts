import { useEffect, useRef } from 'react';
import { useMeters } from '../../stores/meters';
import { useMeterCredit } from '../../stores/metersCredit';
import { FINAL } from '../../actions/metersPoll';
import { refreshCredit } from '../../actions/metersCredit';

const CREDIT_MS = 5000;

/** While the account has commands not yet carried out: read it again whenever a command of the
 *  meter moves on (the Commands card polls them), and every 5 s in case the list misses one. */
export function useCreditFollow(): void {
  const waiting = useMeterCredit((s) => (s.info?.pendingCommands.length ?? 0) > 0);
  const moved = useMeters((s) => (s.commands.value ?? []).map((c) => `${c.id}:${FINAL.has(c.status) ? 'f' : 'u'}`).join(','));
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (useMeterCredit.getState().info?.pendingCommands.length) void refreshCredit(true);
  }, [moved]);
  useEffect(() => {
    if (!waiting) return;
    const h = window.setInterval(() => void refreshCredit(true), CREDIT_MS);
    return () => window.clearInterval(h);
  }, [waiting]);
}
