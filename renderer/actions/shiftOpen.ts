import { invoke, toFailure } from '../transport';
import { useShift } from '../stores/shift';
import { useSession } from '../stores/session';
import { parseMajorToMinor } from '../lib/money';
import type { Bilingual } from '../../preload/contract';

/** Opens a shift with the counted float. Returns an error to show by the field, or null. */
export async function openShift(floatText: string): Promise<Bilingual | null> {
  const s = useShift.getState();
  if (s.busy) return null;
  const decimals = useSession.getState().info?.currencyDecimals ?? 0;
  const parsed = parseMajorToMinor(floatText, decimals, { allowZero: true });
  if (!parsed.ok) return parsed.message;
  s.patch({ busy: true, error: null });
  try {
    const current = await invoke('shifts.open', { floatMinor: parsed.minor });
    useShift.getState().patch({ busy: false, current, needed: false, z: null, x: null, closeNote: null });
    return null;
  } catch (e) {
    useShift.getState().patch({ busy: false });
    return toFailure(e).error.message;
  }
}
