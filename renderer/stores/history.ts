import { create } from 'zustand';
import type { Bilingual, ChannelOutput, Sale, SaleStatus } from '../../preload/contract';

export type HistorySale = ChannelOutput<'history.search'>['items'][number];
export type LastTokens = ChannelOutput<'history.lastTokens'>;

export interface HistoryFilters {
  meter: string;
  receipt: string;
  customer: string;
  /** yyyy-mm-dd, the counter's calendar day as typed */
  from: string;
  to: string;
  status: SaleStatus | '';
}

interface HistoryState {
  filters: HistoryFilters;
  items: HistorySale[];
  total: number;
  offset: number;
  searched: boolean;
  busy: boolean;
  error: Bilingual | null;
  detail: Sale | null;
  lastTokens: LastTokens | null;
  /** What the last reprint from the detail said. */
  reprint: { printed: boolean; copy: boolean; error: Bilingual | null } | null;
  patch(p: Partial<Omit<HistoryState, 'patch' | 'setFilter'>>): void;
  setFilter<K extends keyof HistoryFilters>(k: K, v: HistoryFilters[K]): void;
}

export const PAGE = 15;
export const emptyFilters: HistoryFilters = { meter: '', receipt: '', customer: '', from: '', to: '', status: '' };

export const useHistory = create<HistoryState>()((set) => ({
  filters: emptyFilters,
  items: [],
  total: 0,
  offset: 0,
  searched: false,
  busy: false,
  error: null,
  detail: null,
  lastTokens: null,
  reprint: null,
  patch: (p) => set(p),
  setFilter: (k, v) => set((s) => ({ filters: { ...s.filters, [k]: v } })),
}));
