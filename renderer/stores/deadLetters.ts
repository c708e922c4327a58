// The supervisor's dead-letter list: messages a receiver refused for good, and the confirmation
// (retry, or resolve with a note) being filled in.
import { create } from 'zustand';
import type { Bilingual, DeadLetter } from '../../preload/contract';

export interface Confirm {
  kind: 'retry' | 'resolve';
  letter: DeadLetter;
}

interface DeadLettersState {
  letters: DeadLetter[];
  loaded: boolean;
  error: Bilingual | null;
  /** The vendor's refusal in both languages, by sale id (read from the sale it failed). */
  reasons: Record<string, Bilingual>;
  confirm: Confirm | null;
  note: string;
  busy: boolean;
  actionError: Bilingual | null;
  /** What the last action did, in words (shown above the list). */
  done: { kind: 'retry' | 'resolve'; id: number } | null;
  patch(p: Partial<Omit<DeadLettersState, 'patch' | 'reset'>>): void;
  reset(): void;
}

const initial = { letters: [], loaded: false, error: null, reasons: {}, confirm: null, note: '', busy: false, actionError: null, done: null };

export const useDeadLetters = create<DeadLettersState>()((set) => ({
  ...initial,
  patch: (p) => set(p),
  reset: () => set(initial),
}));
