// Reads of the open meter. Each one fills its own slot; a failure (e.g. VENDOR_UNREACHABLE) is
// kept next to its card and the value read before stays visible.
import { invoke, toFailure } from '../transport';
import { useMeters, type ReadName } from '../stores/meters';

async function read<T>(name: ReadName, call: (meterNumber: string) => Promise<T>, quiet = false): Promise<void> {
  const meterNumber = useMeters.getState().meter?.number;
  if (!meterNumber) return;
  if (!quiet) useMeters.getState().patchSlot(meterNumber, name, { loading: true });
  try {
    const value = await call(meterNumber);
    useMeters.getState().patchSlot(meterNumber, name, { value, loading: false, error: null });
  } catch (e) {
    useMeters.getState().patchSlot(meterNumber, name, { loading: false, error: toFailure(e).error.message });
  }
}

export const refreshStatus = () => read('status', (meterNumber) => invoke('meters.status', { meterNumber }));
export const refreshBalance = () => read('balance', (meterNumber) => invoke('meters.balance', { meterNumber }));
/** quiet: a background refresh (polling) that does not show "reading…". */
export const refreshCommands = (quiet = false) => read('commands', (meterNumber) => invoke('meters.commands', { meterNumber, limit: 10 }), quiet);

/** The present reading and the last 24 hours of interval readings. */
export const refreshReadings = () =>
  Promise.all([
    read('reading', (meterNumber) => invoke('meters.reading', { meterNumber })),
    read('readings', (meterNumber) => invoke('meters.readings', { meterNumber, limit: 96 })),
  ]).then(() => undefined);

export const refreshAll = () => Promise.all([refreshStatus(), refreshBalance(), refreshReadings(), refreshCommands()]).then(() => undefined);
