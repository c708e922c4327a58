import { invoke, toFailure } from '../transport';
import { useLeases } from '../stores/leases';

/** Reads the meter's lease as this counter knows it (no network: the last answer it kept). */
export async function loadLease(meterNumber: string): Promise<void> {
  const s = useLeases.getState();
  if (s.lease?.meterNumber !== meterNumber) s.patch({ lease: null, refusal: null });
  s.patch({ loading: true, error: null });
  try {
    const lease = await invoke('leases.get', { meterNumber });
    useLeases.getState().patch({ lease, loading: false });
  } catch (e) {
    useLeases.getState().patch({ loading: false, error: toFailure(e).error.message });
  }
}
