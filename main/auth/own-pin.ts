// A user changes their own PIN: the current PIN must be right (a wrong one is audited, as at login)
// and the new one different. The admin's reset of someone else's PIN is users/admin.ts.
import type { WriteDb } from '../../db/open';
import type { User } from '../../preload/contract';
import { setPinHash, userById } from '../../db/repos/users';
import { appendAudit } from '../audit/append';
import { err } from '../common/errors';
import { hashPin, verifyPin } from './pin';

export function changeOwnPin(db: WriteDb, me: User, currentPin: string, newPin: string, at: string): void {
  const r = userById(db, me.id);
  if (!r) throw err('NOT_FOUND', 'There is no such user.', 'لا يوجد مستخدم بهذا الرقم.');
  // The head office keeps this user's PIN and sends it with every change of theirs: a PIN changed
  // here would be overwritten, without a word, by its next change.
  if (r.ho_key !== null) {
    throw err('FORBIDDEN', 'Your PIN is set at the head office: ask the head office to change it; it reaches this counter on its next sync.',
      'رقمك السري يُضبط في المكتب الرئيسي: اطلب من المكتب الرئيسي تغييره، ويصل إلى نقطة البيع هذه في المزامنة التالية.');
  }
  if (!verifyPin(currentPin, r.pin_hash)) {
    appendAudit(db, { at, userId: me.id, action: 'user.change_pin_failed', entity: 'user', entityId: String(me.id) });
    throw err('WRONG_PIN', 'The current PIN is wrong.', 'الرقم السري الحالي غير صحيح.');
  }
  if (currentPin === newPin) throw err('BAD_INPUT', 'The new PIN must differ from the current one.', 'يجب أن يختلف الرقم السري الجديد عن الحالي.');
  const hash = hashPin(newPin);
  db.transaction(() => {
    setPinHash(db, me.id, hash);
    appendAudit(db, { at, userId: me.id, action: 'user.change_pin', entity: 'user', entityId: String(me.id) });
  })();
}
