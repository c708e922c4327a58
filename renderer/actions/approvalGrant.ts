import { invoke, toFailure } from '../transport';
import { useApproval } from '../stores/approval';

/** The supervisor typed username + PIN in the dialog: a single-use token for this action. */
export async function grantApproval(username: string, pin: string): Promise<void> {
  const s = useApproval.getState();
  const req = s.request;
  if (!req || s.busy) return;
  s.patch({ busy: true, error: null });
  try {
    const g = await invoke('approvals.grant', { username: username.trim(), pin, action: req.action, ...(req.subject ? { subject: req.subject } : {}) });
    useApproval.getState().patch({ request: null, busy: false });
    req.resolve(g.approvalToken);
  } catch (e) {
    useApproval.getState().patch({ busy: false, error: toFailure(e).error.message });
  }
}

export function cancelApproval(): void {
  const req = useApproval.getState().request;
  useApproval.getState().patch({ request: null, busy: false, error: null });
  req?.resolve(null);
}
