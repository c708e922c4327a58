import { create } from 'zustand';
import type { Bilingual, ChannelOutput, Shift, ZReport } from '../../preload/contract';

export type DayReport = ChannelOutput<'shifts.xReport'>;

/** The signed-in user's shift: whether one is open, its X report, and the Z report after closing. */
interface ShiftState {
  loaded: boolean;
  requireShift: boolean;
  current: Shift | null;
  /** Set when a sale was refused with SHIFT_REQUIRED: the sell screen asks for the float. */
  needed: boolean;
  x: DayReport | null;
  z: ZReport | null;
  /** What closing said about the print and the backup (shown with the Z report). */
  closeNote: { print: Bilingual | null; backup: Bilingual | null } | null;
  busy: boolean;
  error: Bilingual | null;
  patch(p: Partial<Omit<ShiftState, 'patch' | 'reset'>>): void;
  reset(): void;
}

const initial = { loaded: false, requireShift: true, current: null, needed: false, x: null, z: null, closeNote: null, busy: false, error: null };

export const useShift = create<ShiftState>()((set) => ({
  ...initial,
  patch: (p) => set(p),
  reset: () => set({ ...initial }),
}));
