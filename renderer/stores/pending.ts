// The cashier's list of paid sales still waiting for the connection (pending / unknown outcome).
import { create } from 'zustand';
import type { Bilingual, Sale } from '../../preload/contract';

/** The last reprint asked for from this screen, shown on its row. */
export interface Reprint {
  saleId: string;
  busy: boolean;
  printed: boolean;
  copy: boolean;
  error: Bilingual | null;
}

interface PendingState {
  sales: Sale[];
  /** False until the first answer: no "nothing waiting" before we know. */
  loaded: boolean;
  /** The last refresh failed (the list shown is the last good one). */
  error: Bilingual | null;
  /** When the list was last read (ms): "waiting for" is counted from it. */
  checkedAt: number;
  reprint: Reprint | null;
  patch(p: Partial<Omit<PendingState, 'patch' | 'reset'>>): void;
  reset(): void;
}

const initial = { sales: [], loaded: false, error: null, checkedAt: 0, reprint: null };

export const usePending = create<PendingState>()((set) => ({
  ...initial,
  patch: (p) => set(p),
  reset: () => set(initial),
}));
