import { create } from 'zustand';
import type { SyncStatus } from '../../preload/contract';

interface SyncState {
  status: SyncStatus | null;
  /** False when the Shahn service itself did not answer the last poll. */
  reachable: boolean;
  syncing: boolean;
  set(status: SyncStatus): void;
  setUnreachable(): void;
  setSyncing(syncing: boolean): void;
  reset(): void;
}

export const useSync = create<SyncState>()((set) => ({
  status: null,
  reachable: true,
  syncing: false,
  set: (status) => set({ status, reachable: true }),
  setUnreachable: () => set({ reachable: false }),
  setSyncing: (syncing) => set({ syncing }),
  reset: () => set({ status: null, reachable: true, syncing: false }),
}));
