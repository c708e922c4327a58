import { create } from 'zustand';
import type { MasterDataStatus } from '../../preload/contract';

/** Who owns the counter's master data and how its pull from the head office stands (masterData.status). */
interface MasterDataState {
  status: MasterDataStatus | null;
  syncing: boolean;
  set(status: MasterDataStatus): void;
  setSyncing(syncing: boolean): void;
}

export const useMasterData = create<MasterDataState>()((set) => ({
  status: null,
  syncing: false,
  set: (status) => set({ status }),
  setSyncing: (syncing) => set({ syncing }),
}));

/** True once the head office owns the meters, customers, tariffs and users: their screens are read-only. */
export const useHeadOfficeOwned = () => useMasterData((s) => s.status?.owner === 'head-office');
