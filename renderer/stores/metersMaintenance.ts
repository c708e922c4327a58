// The engineering-token form of an STS meter and the last token made.
import { create } from 'zustand';
import type { Bilingual, ChannelOutput } from '../../preload/contract';

export type MaintenanceOut = ChannelOutput<'meters.maintenanceCode'>;
export type Purpose = MaintenanceOut['purpose'];
export type MaintenanceAction = MaintenanceOut['action'];

interface MaintenanceState {
  purpose: Purpose;
  action: MaintenanceAction;
  powerLimitText: string;
  validMinutes: number;
  /** Reused when the same request is sent again after a failure, so the vendor makes one code. */
  requestId: string | null;
  busy: boolean;
  error: Bilingual | null;
  result: MaintenanceOut | null;
  patch(p: Partial<MaintenanceState>): void;
  /** A changed choice is a new request. */
  edit(p: Partial<Pick<MaintenanceState, 'purpose' | 'action' | 'powerLimitText' | 'validMinutes'>>): void;
  reset(): void;
}

const initial = {
  purpose: 'maintenance' as Purpose,
  action: 'clear_tamper' as MaintenanceAction,
  powerLimitText: '',
  validMinutes: 60,
  requestId: null,
  busy: false,
  error: null,
  result: null,
};

export const useMaintenance = create<MaintenanceState>()((set) => ({
  ...initial,
  patch: (p) => set(p),
  edit: (p) => set({ ...p, requestId: null, error: null }),
  reset: () => set({ ...initial }),
}));
