import { invoke, toFailure } from '../transport';
import { useShift } from '../stores/shift';

/** After login and on the Shift screen: is a shift required, and is one open? */
export async function loadShift(): Promise<void> {
  try {
    const [settings, current] = await Promise.all([invoke('shifts.settings', {}), invoke('shifts.current', {})]);
    useShift.getState().patch({ loaded: true, requireShift: settings.requireShift, current, error: null, ...(current ? { needed: false } : {}) });
  } catch (e) {
    useShift.getState().patch({ loaded: true, error: toFailure(e).error.message });
  }
}

/** The X report: the open shift's totals now (blind for a cashier: no expected cash). */
export async function loadXReport(): Promise<void> {
  const s = useShift.getState();
  if (!s.current) return;
  try {
    const x = await invoke('shifts.xReport', { shiftId: s.current.id });
    useShift.getState().patch({ x, error: null });
  } catch (e) {
    useShift.getState().patch({ error: toFailure(e).error.message });
  }
}
