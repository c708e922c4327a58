// Reprints at the till: the first COPY of a receipt is the cashier's to give; every
// further copy needs a supervisor's approval (approvals.grant, action 'reprint', subject = sale id
// or none). Supervisors and administrators approve their own. The approval is used up here.
import type { ReadDb, WriteDb } from '../../db/open';
import type { User } from '../../preload/contract';
import { copyJobCount, originalJobState } from '../../db/repos/print-jobs';
import { printCountIfAny } from '../../db/repos/sales';
import { consumeApproval } from './approval';

/** Would printing this sale now make a COPY (the original is out, printing, or was replaced)? */
export function nextPrintIsCopy(db: ReadDb, saleId: string): boolean {
  const o = originalJobState(db, saleId);
  if (!o) return (printCountIfAny(db, saleId) ?? 0) > 0;
  return !((o.status === 'queued' || o.status === 'failed') && o.replaced_by === null);
}

export const copiesOf = (db: ReadDb, saleId: string): number => copyJobCount(db, saleId);

/** Throws APPROVAL_REQUIRED when a cashier asks for a second copy (or more) without a valid approval. */
export function guardCopy(db: WriteDb, user: User | null, saleId: string, approvalToken: string | undefined, at: string): void {
  if (!user || user.role !== 'cashier') return;
  if (copiesOf(db, saleId) < 1) return;
  db.transaction(() => {
    consumeApproval(db, user, approvalToken, 'reprint', saleId, at, {
      en: 'This receipt was already reprinted once.',
      ar: 'أُعيدت طباعة هذا الإيصال مرة من قبل.',
    });
  })();
}
