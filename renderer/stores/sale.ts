// The sell screen's flow: meter -> amount -> quote -> payment -> sale result.
import { create } from 'zustand';
import type { Bilingual, ConfirmedPrice, MeterSummary, PaymentMethod, Quote, Sale } from '../../preload/contract';

/** Where an error is shown: next to the field it belongs to. Only one at a time. */
export type ErrorSlot = 'meter' | 'amount' | 'tendered' | 'sell' | 'print';
export interface FlowError {
  slot: ErrorSlot;
  message: Bilingual;
}

export interface PrintOutcome {
  printed: boolean;
  copy: boolean;
  error: Bilingual | null;
}

/** What the amount field holds: money, or (prepaid STS meters) energy in kWh. */
export type VendBy = 'money' | 'energy';

/** Exactly one of amountMinor (by money) and energyTenths (by kWh, 0.1 kWh units). */
export interface PendingSell {
  saleId: string;
  meterNumber: string;
  amountMinor?: number;
  energyTenths?: number;
  tenderedMinor: number;
  paymentMethod: PaymentMethod;
  /** A supervisor's approval for an amount above the purchase maximum. */
  approvalToken?: string;
  /** The quote on screen when the cashier confirmed: main sells at it or says PRICE_CHANGED. */
  confirmed: ConfirmedPrice;
}

interface SaleFlowState {
  meterQuery: string;
  looking: boolean;
  candidates: MeterSummary[];
  meter: MeterSummary | null;
  amountText: string;
  /** Sell by money (amountText) or by kWh (energyText); a new sale starts by money. */
  vendBy: VendBy;
  energyText: string;
  tenderedText: string;
  paymentMethod: PaymentMethod;
  quote: Quote | null;
  /** Key of the inputs the current quote answers: meter|money or energy|amount|tendered. */
  quoteKey: string | null;
  quoting: boolean;
  /** The last quote was refused only because the amount is above the maximum: a supervisor may approve. */
  quoteNeedsApproval: boolean;
  /** The quote on screen came back with a PRICE_CHANGED refusal: the cashier confirms the new price. */
  priceChanged: boolean;
  /** Set while a sale is in flight and kept after a transport failure: the retry resends exactly
   *  this (same saleId), so it can never sell twice. The form is locked while it is set. */
  pendingSell: PendingSell | null;
  selling: boolean;
  sale: Sale | null;
  printing: boolean;
  printOutcome: PrintOutcome | null;
  error: FlowError | null;
  patch(p: Partial<SaleFlowState>): void;
  setError(slot: ErrorSlot, message: Bilingual): void;
  clearError(slot?: ErrorSlot): void;
  reset(): void;
}

const initial = {
  meterQuery: '',
  looking: false,
  candidates: [] as MeterSummary[],
  meter: null,
  amountText: '',
  vendBy: 'money' as VendBy,
  energyText: '',
  tenderedText: '',
  paymentMethod: 'cash' as PaymentMethod,
  quote: null,
  quoteKey: null,
  quoting: false,
  quoteNeedsApproval: false,
  priceChanged: false,
  pendingSell: null,
  selling: false,
  sale: null,
  printing: false,
  printOutcome: null,
  error: null,
};

export const useSaleFlow = create<SaleFlowState>()((set, get) => ({
  ...initial,
  patch: (p) => set(p),
  setError: (slot, message) => set({ error: { slot, message } }),
  clearError: (slot) => {
    const e = get().error;
    if (e && (!slot || e.slot === slot)) set({ error: null });
  },
  reset: () => set({ ...initial }),
}));
