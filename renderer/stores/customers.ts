import { create } from 'zustand';
import type { Bilingual, ChannelOutput, Customer, MeterDetail } from '../../preload/contract';

export type ImportReport = ChannelOutput<'customers.import'>;
/** What the side panel shows: a customer's form (null id = new) or a meter's form. */
export type CustomerPanel =
  | { kind: 'customer'; customer: Customer | null }
  | { kind: 'meter'; meter: MeterDetail | null; customerId: number | null }
  | { kind: 'import' }
  | null;

interface CustomersState {
  query: string;
  results: Customer[];
  searched: boolean;
  busy: boolean;
  error: Bilingual | null;
  panel: CustomerPanel;
  /** The CSV text, the dry run's report for exactly that text, and the import's result. */
  csv: string;
  report: ImportReport | null;
  reportFor: string | null;
  imported: ImportReport | null;
  patch(p: Partial<Omit<CustomersState, 'patch'>>): void;
}

export const useCustomers = create<CustomersState>()((set) => ({
  query: '',
  results: [],
  searched: false,
  busy: false,
  error: null,
  panel: null,
  csv: '',
  report: null,
  reportFor: null,
  imported: null,
  patch: (p) => set(p),
}));
