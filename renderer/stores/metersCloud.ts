// The meter page's "in the meter's cloud" card: the payment mode the cloud holds, its prepaid
// account, and whether the time-of-use schedule the meter holds is the one in force. Each read has
// its own value and error, so a refusal of one (a tokens-only STS meter has no prepaid account)
// leaves the others on the card.
import { create } from 'zustand';
import type { ChannelOutput } from '../../preload/contract';
import { emptySlot, type Slot } from './meters';

export type CloudModeOut = ChannelOutput<'meters.cloudPaymentMode'>;
export type PrepaidOut = ChannelOutput<'meters.prepaidBalance'>;
export type ScheduleCheckOut = ChannelOutput<'tariffs.readBack'>;
export type CloudReadName = 'mode' | 'prepaid' | 'schedule';

interface CloudState {
  /** The meter the values belong to (an answer about another meter is dropped). */
  meterNumber: string | null;
  mode: Slot<CloudModeOut>;
  prepaid: Slot<PrepaidOut>;
  schedule: Slot<ScheduleCheckOut>;
  patchSlot(meterNumber: string, name: CloudReadName, p: Partial<Slot<unknown>>): void;
  reset(meterNumber: string | null): void;
}

const slots = () => ({ mode: emptySlot<CloudModeOut>(), prepaid: emptySlot<PrepaidOut>(), schedule: emptySlot<ScheduleCheckOut>() });

export const useMeterCloud = create<CloudState>()((set, get) => ({
  meterNumber: null,
  ...slots(),
  patchSlot: (meterNumber, name, p) => {
    if (get().meterNumber !== meterNumber) return;
    set({ [name]: { ...get()[name], ...p } } as Partial<CloudState>);
  },
  reset: (meterNumber) => set({ meterNumber, ...slots() }),
}));
