import { create } from 'zustand';
import type { Bilingual, ChannelOutput, Customer, MeterDetail } from '../../preload/contract';

export type ImportReport = ChannelOutput<'customers.import'>;
/** A chosen .xlsx file, as the bytes main reads (base64). */
export interface ImportFile { name: string; base64: string; bytes: number }
/** What the side panel shows: a customer's form (null id = new) or a meter's form. */
export type CustomerPanel =
  | { kind: 'customer'; customer: Customer | null }
  | { kind: 'meter'; meter: MeterDetail | null; customerId: number | null }
  | { kind: 'import' }
  | null;

interface CustomersState {
  query: string;
  results: Customer[];
  /** More customers match than the page shows: the cashier is asked to refine the search. */
  more: boolean;
  searched: boolean;
  busy: boolean;
  error: Bilingual | null;
  panel: CustomerPanel;
  /** The CSV text or a chosen workbook, the dry run's report for exactly that one, and the import's result. */
  csv: string;
  file: ImportFile | null;
  report: ImportReport | null;
  reportFor: string | ImportFile | null;
  imported: ImportReport | null;
  patch(p: Partial<Omit<CustomersState, 'patch'>>): void;
}

export const useCustomers = create<CustomersState>()((set) => ({
  query: '',
  results: [],
  more: false,
  searched: false,
  busy: false,
  error: null,
  panel: null,
  csv: '',
  file: null,
  report: null,
  reportFor: null,
  imported: null,
  patch: (p) => set(p),
}));
