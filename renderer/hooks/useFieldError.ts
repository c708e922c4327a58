import type { Bilingual } from '../../preload/contract';
import { useSaleFlow, type ErrorSlot } from '../stores/sale';

/** The flow's single error, if it belongs next to this field. */
export function useFieldError(slot: ErrorSlot): Bilingual | null {
  return useSaleFlow((s) => (s.error?.slot === slot ? s.error.message : null));
}
