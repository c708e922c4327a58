import { create } from 'zustand';
import type { Bilingual, LeaseView } from '../../preload/contract';

/** The open meter's offline-sales lease (main/leases), as this counter knows it. */
interface LeasesState {
  lease: LeaseView | null;
  loading: boolean;
  holding: boolean;
  error: Bilingual | null;
  /** Why the last "hold for offline sales" was not granted. */
  refusal: Bilingual | null;
  patch(p: Partial<Omit<LeasesState, 'patch'>>): void;
}

export const useLeases = create<LeasesState>()((set) => ({
  lease: null,
  loading: false,
  holding: false,
  error: null,
  refusal: null,
  patch: (p) => set(p),
}));
