// The supervisor's meter page: which meter is open and what its cloud said about it.
// Each read (status, balance, readings, commands) has its own value and error, so one failing
// read (e.g. the vendor's cloud unreachable) leaves the rest of the page usable.
import { create } from 'zustand';
import type { Bilingual, ChannelOutput, MeterSummary } from '../../preload/contract';

export type MeterStatusOut = ChannelOutput<'meters.status'>;
export type MeterBalanceOut = ChannelOutput<'meters.balance'>;
export type MeterReadingOut = ChannelOutput<'meters.reading'>;
export type MeterReadingsOut = ChannelOutput<'meters.readings'>;
export type MeterCommandOut = ChannelOutput<'meters.command'>;

/** One read of the meter page: the last value received, whether a read is running, its error. */
export interface Slot<T> {
  value: T | null;
  loading: boolean;
  error: Bilingual | null;
}
export const emptySlot = <T,>(): Slot<T> => ({ value: null, loading: false, error: null });

export type ReadName = 'status' | 'balance' | 'reading' | 'readings' | 'commands';

interface MetersState {
  query: string;
  looking: boolean;
  candidates: MeterSummary[];
  lookupError: Bilingual | null;
  meter: MeterSummary | null;
  status: Slot<MeterStatusOut>;
  balance: Slot<MeterBalanceOut>;
  reading: Slot<MeterReadingOut>;
  readings: Slot<MeterReadingsOut>;
  commands: Slot<MeterCommandOut[]>;
  patch(p: Partial<MetersState>): void;
  /** Updates one read's slot (only while the same meter is open). */
  patchSlot(meterNumber: string, name: ReadName, p: Partial<Slot<unknown>>): void;
  reset(): void;
}

const reads = () => ({
  status: emptySlot<MeterStatusOut>(),
  balance: emptySlot<MeterBalanceOut>(),
  reading: emptySlot<MeterReadingOut>(),
  readings: emptySlot<MeterReadingsOut>(),
  commands: emptySlot<MeterCommandOut[]>(),
});

const initial = () => ({ query: '', looking: false, candidates: [] as MeterSummary[], lookupError: null, meter: null, ...reads() });

export const useMeters = create<MetersState>()((set, get) => ({
  ...initial(),
  patch: (p) => set(p),
  patchSlot: (meterNumber, name, p) => {
    if (get().meter?.number !== meterNumber) return; // an answer about a meter no longer open
    set({ [name]: { ...get()[name], ...p } } as Partial<MetersState>);
  },
  reset: () => set(initial()),
}));

export const freshReads = reads;
