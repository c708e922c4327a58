// Shifts: a cashier opens one with a counted cash float; every sale belongs to the
// seller's open shift (attachSaleToShift runs inside the sale's paid transaction). With the
// setting requireShift (default on) a sale without an open shift is refused; with it off the
// first sale opens a shift with a zero float, so every sale still belongs to one.
import type { ReadDb, WriteDb } from '../../db/open';
import type { Shift, User } from '../../preload/contract';
import { readSetting, writeSetting } from '../../db/repos/settings';
import { insertShift as insertShiftRow, openShiftRow, setSaleShift, shiftRow, shiftRowsPage, type ShiftRow } from '../../db/repos/shifts';
import { appendAudit } from '../audit/append';
import { err } from '../common/errors';

export { shiftRow, type ShiftRow };

export const toShift = (r: ShiftRow): Shift => ({
  id: r.id, userId: r.user_id, cashier: r.cashier, counter: r.counter, status: r.status, floatMinor: r.float_minor,
  autoOpened: r.auto_opened === 1, openedAt: r.opened_at, closedAt: r.closed_at, zNo: r.z_no,
});

const SETTING = 'shifts';
export function shiftSettings(db: ReadDb): { requireShift: boolean } {
  const v = readSetting(db, SETTING) as { requireShift?: unknown } | undefined;
  return { requireShift: typeof v?.requireShift === 'boolean' ? v.requireShift : true };
}
export function saveShiftSettings(db: WriteDb, by: User, s: { requireShift: boolean }, at: string) {
  db.transaction(() => {
    writeSetting(db, SETTING, s, at);
    appendAudit(db, { at, userId: by.id, action: 'settings.shifts', entity: 'settings', entityId: SETTING, details: s });
  })();
  return shiftSettings(db);
}

/** The user's open shift at this counter (`counter`: the configured counter name). */
export function openShiftOf(db: ReadDb, userId: number, counter: string): ShiftRow | null {
  return openShiftRow(db, userId, counter);
}

function insertShift(db: WriteDb, user: User, floatMinor: number, auto: boolean, at: string, counter: string): ShiftRow {
  const id = insertShiftRow(db, { userId: user.id, counter, floatMinor, auto, at });
  appendAudit(db, { at, userId: user.id, action: 'shift.open', entity: 'shift', entityId: String(id), details: { floatMinor, auto, counter } });
  return shiftRow(db, id)!;
}

export function openShift(db: WriteDb, user: User, floatMinor: number, at: string, counter: string): Shift {
  return db.transaction(() => {
    const open = openShiftOf(db, user.id, counter);
    if (open) {
      throw err('CONFLICT', `You already have an open shift (No. ${open.id}, opened ${open.opened_at}). Close it first.`,
        `لديك وردية مفتوحة بالفعل (رقم ${open.id}، فُتحت ${open.opened_at}). أغلقها أولاً.`);
    }
    return toShift(insertShift(db, user, floatMinor, false, at, counter));
  })();
}

export const noShift = () => err('SHIFT_REQUIRED', 'Open a shift (count the cash float) before selling.', 'افتح وردية (عُدّ النقد الافتتاحي) قبل البيع.');

/** Inside the sale's paid transaction: the sale joins the seller's open shift (or the sale is refused). */
export function attachSaleToShift(db: WriteDb, saleId: string, user: User, at: string, counter: string): number {
  let shift = openShiftOf(db, user.id, counter);
  if (!shift) {
    if (shiftSettings(db).requireShift) throw noShift();
    shift = insertShift(db, user, 0, true, at, counter);
  }
  setSaleShift(db, saleId, shift.id);
  return shift.id;
}

export function listShifts(db: ReadDb, status: 'open' | 'closed' | undefined, limit: number, offset: number) {
  const { rows, total } = shiftRowsPage(db, status, limit, offset);
  return { items: rows.map(toShift), total };
}
