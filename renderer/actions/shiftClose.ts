import { invoke, toFailure } from '../transport';
import { useShift } from '../stores/shift';
import { useSession } from '../stores/session';
import { parseMajorToMinor } from '../lib/money';
import type { Bilingual } from '../../preload/contract';

/** Blind count -> the numbered Z report. Returns an error to show by the count field, or null. */
export async function closeShift(countedText: string, note: string): Promise<Bilingual | null> {
  const s = useShift.getState();
  if (s.busy || !s.current) return null;
  const decimals = useSession.getState().info?.currencyDecimals ?? 0;
  const parsed = parseMajorToMinor(countedText, decimals, { allowZero: true });
  if (!parsed.ok) return parsed.message;
  s.patch({ busy: true, error: null });
  try {
    const r = await invoke('shifts.close', { shiftId: s.current.id, countedCashMinor: parsed.minor, ...(note.trim() ? { note: note.trim() } : {}) });
    useShift.getState().patch({ busy: false, current: null, x: null, z: r.report, closeNote: { print: r.print.error, backup: r.backupError } });
    return null;
  } catch (e) {
    useShift.getState().patch({ busy: false });
    return toFailure(e).error.message;
  }
}
