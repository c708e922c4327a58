import { create } from 'zustand';
import type { Bilingual, KeyEntry } from '../../preload/contract';

interface KeysState {
  keys: KeyEntry[];
  loaded: boolean;
  error: Bilingual | null;
  /** The key the admin asked to retire, waiting for the confirmation. */
  retiring: KeyEntry | null;
  patch(p: Partial<Omit<KeysState, 'patch'>>): void;
}

export const useKeys = create<KeysState>()((set) => ({
  keys: [],
  loaded: false,
  error: null,
  retiring: null,
  patch: (p) => set(p),
}));
