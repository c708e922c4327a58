import { create } from 'zustand';
import type { ApprovalAction, Bilingual } from '../../preload/contract';

/** The one supervisor-approval request on screen (ApprovalDialog), resolved with a token or null. */
export interface ApprovalRequest {
  action: ApprovalAction;
  subject: string | null;
  /** Why the backend asked (its APPROVAL_REQUIRED message). */
  reason: Bilingual;
  resolve(token: string | null): void;
}

interface ApprovalState {
  request: ApprovalRequest | null;
  busy: boolean;
  error: Bilingual | null;
  patch(p: Partial<Omit<ApprovalState, 'patch'>>): void;
}

export const useApproval = create<ApprovalState>()((set) => ({
  request: null,
  busy: false,
  error: null,
  patch: (p) => set(p),
}));
