// The one way a token issued for an STS meter is recorded, whoever made it (the vendor or this
// counter) and whatever it is (a sale's credit token: main/sales/outcome.ts; an engineering code:
// main/meters/maintenance.ts). A meter refuses a TID it has seen, and local tokens take theirs
// above the meter's last TID (main/sales/local-vend.ts), so every token must (1) take its own
// (meter, TID) slot in the ledger, whose UNIQUE index refuses a second token, and (2) raise the
// meter's last TID — both in the caller's transaction, beside the sale outcome or audit row.
import type { WriteDb } from '../../db/open';
import { insertIssuedToken, raiseMeterLastTid, type IssuedToken } from '../../db/repos/issued-tokens';
import { meterNumberOf } from '../../db/repos/meters';
import { AppError } from '../common/errors';

/**
 * The TID is already held on this meter by another token: the meter would refuse one of the two.
 * Nothing was written. Crosses IPC as CONFLICT; on a sale it becomes the reason it stays unknown.
 */
export class TidInUseError extends AppError {
  override name = 'TidInUseError';
  constructor(readonly token: IssuedToken, readonly meterNumber: string, readonly holder: IssuedToken) {
    super('CONFLICT', {
      en: `The ${token.source === 'vendor' ? "vendor's" : "counter's"} ${token.kind === 'credit' ? 'token' : 'engineering code'} uses transaction number (TID) ${token.tid}, which meter ${meterNumber} already has from another ${holder.kind === 'credit' ? 'token' : 'engineering code'}; the meter would refuse one of them.`,
      ar: `${token.kind === 'credit' ? 'الرمز' : 'الرمز الهندسي'} الصادر من ${token.source === 'vendor' ? 'المزود' : 'هذا المركز'} يحمل رقم المعاملة (TID) ${token.tid}، وهذا الرقم مستخدم للعداد ${meterNumber} في ${holder.kind === 'credit' ? 'رمز' : 'رمز هندسي'} آخر؛ سيرفض العداد أحدهما.`,
    });
  }
}

const sameToken = (a: IssuedToken, b: IssuedToken) =>
  a.kind === b.kind && (a.kind === 'credit' ? a.saleId === b.saleId : a.requestId !== null && a.requestId === b.requestId);

/**
 * Records the token and raises the meter's last TID. Recording the same token again (the same
 * sale, or an engineering request asked again and answered with the same code) changes nothing.
 * Throws TidInUseError, having written nothing, when another token holds the TID.
 */
export function recordIssuedToken(w: WriteDb, token: IssuedToken): void {
  const holder = insertIssuedToken(w, token);
  if (holder && !sameToken(token, holder)) {
    throw new TidInUseError(token, meterNumberOf(w, token.meterId) ?? String(token.meterId), holder);
  }
  raiseMeterLastTid(w, token.meterId, token.tid);
}
