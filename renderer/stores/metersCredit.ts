// The meter page's "payment mode and credit" card: the account as the counter and the meter's cloud
// hold it, the dialog being filled in (mode, debt or purchase limits), and the commands a change
// queued, followed until the meter has carried them out.
import { create } from 'zustand';
import type { Bilingual, ChannelOutput } from '../../preload/contract';

export type CreditInfoOut = ChannelOutput<'meters.creditInfo'>;
export type PaymentMode = CreditInfoOut['paymentMode'];
export type CreditDialogKind = 'mode' | 'debt' | 'limits';
export type DebtDirection = 'add' | 'reduce';

/** What the supervisor types; parsed exactly (integer minor units) only when sent. */
export interface CreditDraft {
  kind: CreditDialogKind;
  mode: PaymentMode;
  limitText: string;
  depositText: string;
  direction: DebtDirection;
  amountText: string;
  reason: string;
  minText: string;
  maxText: string;
  /** Sent with a debt adjustment: the same dialog sent again after a lost answer counts once. */
  requestId: string;
}

interface CreditState {
  /** The meter the values belong to (an answer about another meter is dropped). */
  meterNumber: string | null;
  info: CreditInfoOut | null;
  loading: boolean;
  error: Bilingual | null;
  draft: CreditDraft | null;
  sending: boolean;
  /** The last try's error; `unknown` when the answer was lost and the change may have been made. */
  sendError: { message: Bilingual; unknown: boolean } | null;
  /** Ids of the commands the last change queued, shown on the card until done or failed. */
  followIds: string[];
  patch(p: Partial<CreditState>): void;
  reset(meterNumber?: string | null): void;
}

const initial = () => ({ meterNumber: null, info: null, loading: false, error: null, draft: null, sending: false, sendError: null, followIds: [] as string[] });

export const useMeterCredit = create<CreditState>()((set) => ({
  ...initial(),
  patch: (p) => set(p),
  reset: (meterNumber = null) => set({ ...initial(), meterNumber }),
}));
