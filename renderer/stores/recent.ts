import { create } from 'zustand';
import type { Sale } from '../../preload/contract';

interface RecentState {
  sales: Sale[];
  set(sales: Sale[]): void;
}

export const useRecent = create<RecentState>()((set) => ({
  sales: [],
  set: (sales) => set({ sales }),
}));
