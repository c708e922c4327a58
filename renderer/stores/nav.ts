import { create } from 'zustand';

/** Which screen is open. Screens register in screens/registry.tsx; the sell screen is home. */
interface NavState {
  screen: string;
  go(screen: string): void;
}

export const useNav = create<NavState>()((set) => ({
  screen: 'sell',
  go: (screen) => set({ screen }),
}));
