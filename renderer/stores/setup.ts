import { create } from 'zustand';
import type { SetupStatus, SetupStep } from '../../preload/contract';

interface SetupState {
  /** setup.status as last read; null before boot. */
  status: SetupStatus | null;
  /** The step on screen (Back may show a step already done). */
  step: SetupStep;
  /** The first admin just made: the login screen offers their username. */
  createdUsername: string | null;
  setStatus(status: SetupStatus): void;
  go(step: SetupStep): void;
  finished(username: string): void;
}

export const useSetup = create<SetupState>()((set) => ({
  status: null,
  step: 'language',
  createdUsername: null,
  setStatus: (status) => set({ status, ...(status.step ? { step: status.step } : {}) }),
  go: (step) => set({ step }),
  finished: (username) => set({ status: { needed: false }, createdUsername: username }),
}));
