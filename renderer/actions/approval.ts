// Restricted actions at the till: call; if main answers APPROVAL_REQUIRED, ask a supervisor in
// the ApprovalDialog, then call again with the single-use approvalToken. Cancel -> null.
import type { ApprovalAction, Bilingual } from '../../preload/contract';
import { RpcFailure } from '../transport';
import { useApproval } from '../stores/approval';

/** Opens the dialog and waits for the supervisor (a token) or a cancel (null). */
export function requestApproval(action: ApprovalAction, subject: string | null, reason: Bilingual): Promise<string | null> {
  useApproval.getState().request?.resolve(null); // one at a time
  return new Promise((resolve) => {
    useApproval.getState().patch({ request: { action, subject, reason, resolve }, busy: false, error: null });
  });
}

function approvalActionOf(e: unknown): ApprovalAction | null {
  if (!(e instanceof RpcFailure) || e.code !== 'APPROVAL_REQUIRED') return null;
  const issue = e.error.issues?.find((i) => i.startsWith('approval:'));
  const action = issue?.slice('approval:'.length);
  return action === 'reprint' || action === 'sale-above-max' || action === 'engineering-token' ? action : null;
}

/**
 * Runs `call()`; when it needs a supervisor's approval, asks for one and runs `call(token)` once
 * more. Resolves to null when the cashier cancels the dialog; other errors are thrown as they are.
 */
export async function withApproval<T>(subject: string | null, call: (approvalToken?: string) => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (e) {
    const action = approvalActionOf(e);
    if (!action || !(e instanceof RpcFailure)) throw e;
    const token = await requestApproval(action, subject, e.error.message);
    if (!token) return null;
    return call(token);
  }
}
