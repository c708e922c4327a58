import { useEffect } from 'react';
import { useMeterCommand } from '../../stores/metersCommand';
import { useMeters } from '../../stores/meters';
import { FINAL, pollCommand } from '../../actions/metersPoll';
import { refreshCommands } from '../../actions/metersRefresh';

const POLL_MS = 2000;
const LIST_MS = 5000;

/** Every 2 s while the command on screen is pending or sent; the list every 5 s while it holds
 *  unfinished commands (e.g. queued while the cloud was unreachable), so they finish on screen. */
export function useCommandPolling(): void {
  const id = useMeterCommand((s) => s.current?.id ?? null);
  const status = useMeterCommand((s) => s.current?.status ?? null);
  const unfinished = useMeters((s) => (s.commands.value ?? []).some((c) => !FINAL.has(c.status)));
  useEffect(() => {
    if (!id || !status || FINAL.has(status)) return;
    const h = window.setInterval(() => void pollCommand(), POLL_MS);
    return () => window.clearInterval(h);
  }, [id, status]);
  useEffect(() => {
    if (!unfinished) return;
    const h = window.setInterval(() => void refreshCommands(true), LIST_MS);
    return () => window.clearInterval(h);
  }, [unfinished]);
}
