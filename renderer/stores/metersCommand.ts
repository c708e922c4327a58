// A command to a meter: the confirmation being filled in, the request kept for a safe retry, and
// the command being watched until the meter has carried it out (or refused it).
import { create } from 'zustand';
import type { Bilingual } from '../../preload/contract';
import type { MeterCommandOut } from './meters';

/** What a supervisor can send (the list also shows Shahn's own payment-mode and tariff commands). */
export type CommandKind = Exclude<MeterCommandOut['kind'], 'set_prepaid_mode' | 'set_postpaid_mode' | 'set_credit_limit' | 'set_tariff_schedule'>;
export type CommandInput =
  | { kind: 'disconnect'; reason: string }
  | { kind: 'reconnect' | 'turn_on' | 'turn_off' }
  | { kind: 'reduce_amperage' | 'increase_amperage'; limitA: number };

export interface Draft {
  kind: CommandKind;
  reason: string;
  limitText: string;
}

/** Kept from the first try until an answer comes back: a retry resends exactly this (same id). */
export interface PendingCommand {
  commandId: string;
  meterNumber: string;
  command: CommandInput;
}

interface CommandState {
  draft: Draft | null;
  pending: PendingCommand | null;
  sending: boolean;
  /** The error of the last try; `retry` when the outcome is unknown and resending is safe. */
  error: { message: Bilingual; retry: boolean } | null;
  /** The command being followed live (pending -> sent -> done | failed). */
  current: MeterCommandOut | null;
  patch(p: Partial<CommandState>): void;
  reset(): void;
}

const initial = { draft: null, pending: null, sending: false, error: null, current: null };

export const useMeterCommand = create<CommandState>()((set) => ({
  ...initial,
  patch: (p) => set(p),
  reset: () => set({ ...initial }),
}));
