import { invoke, toFailure } from '../transport';
import { useLeases } from '../stores/leases';

/** Supervisor: asks the head office for this meter's lease, so the counter can sell to it offline. */
export async function holdForOffline(meterNumber: string): Promise<void> {
  useLeases.getState().patch({ holding: true, error: null, refusal: null });
  try {
    const r = await invoke('leases.hold', { meterNumber });
    useLeases.getState().patch({ lease: r.lease, refusal: r.refusal, holding: false });
  } catch (e) {
    useLeases.getState().patch({ holding: false, error: toFailure(e).error.message });
  }
}
