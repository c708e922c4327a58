import { create } from 'zustand';
import type { Bilingual, ChannelOutput, HistoryCursor, Sale, SaleStatus } from '../../preload/contract';

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
  /** A user id from users.list, or '' for any cashier (the list is shown to supervisors and admins). */
  cashierId: string;
}

interface HistoryState {
  filters: HistoryFilters;
  /** The filters of the search on screen: paging keeps them even while the form is being edited. */
  applied: HistoryFilters;
  items: HistorySale[];
  /** Matches counted up to a bound; with totalCapped the screen says "more than total". */
  total: number;
  totalCapped: boolean;
  /** Where the page on screen starts: the cursors of the pages before it, oldest last (empty on the first page). */
  trail: HistoryCursor[];
  /** The cursor of the next older page, or null on the last one. */
  next: HistoryCursor | null;
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
export const emptyFilters: HistoryFilters = { meter: '', receipt: '', customer: '', from: '', to: '', status: '', cashierId: '' };

export const useHistory = create<HistoryState>()((set) => ({
  filters: emptyFilters,
  applied: emptyFilters,
  items: [],
  total: 0,
  totalCapped: false,
  trail: [],
  next: null,
  searched: false,
  busy: false,
  error: null,
  detail: null,
  lastTokens: null,
  reprint: null,
  patch: (p) => set(p),
  setFilter: (k, v) => set((s) => ({ filters: { ...s.filters, [k]: v } })),
}));
