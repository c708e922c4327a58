// X report (read-only totals now) and closing a shift with a blind cash count: one transaction
// closes the shift, takes the next Z number and stores the Z report (JSON + key totals + its
// SHA-256, also written to the hash-chained audit log). Triggers keep it immutable.
import { createHash } from 'node:crypto';
import type { ReadDb, WriteDb } from '../../db/open';
import type { Shift, User, ZReport } from '../../preload/contract';
import { insertZReport, markShiftClosed, nextZNo, zReportRow, zReportRowsPage } from '../../db/repos/shifts';
import { enqueue } from '../../db/repos/outbox';
import { appendAudit } from '../audit/append';
import { err } from '../common/errors';
import { openShiftOf, shiftRow, toShift, type ShiftRow } from './shifts';
import { expectedCash, shiftTotals } from './totals';

export interface Money { currency: string; currencyDecimals: number }

const notYours = () => err('FORBIDDEN', "Only a supervisor can see or close another cashier's shift.", 'لا يطّلع على وردية كاشير آخر أو يغلقها إلا المشرف.');
const noOpen = () => err('SHIFT_REQUIRED', 'You have no open shift.', 'ليست لديك وردية مفتوحة.');

/** The shift asked for (or the caller's open one at this counter), checked against the caller's role. */
export function shiftFor(db: ReadDb, user: User, shiftId: number | undefined, counter: string): ShiftRow {
  const s = shiftId === undefined ? openShiftOf(db, user.id, counter) : shiftRow(db, shiftId);
  if (!s) throw shiftId === undefined ? noOpen() : err('NOT_FOUND', 'There is no such shift.', 'لا توجد وردية بهذا الرقم.');
  if (s.user_id !== user.id && user.role === 'cashier') throw notYours();
  return s;
}

export function xReport(db: ReadDb, user: User, shiftId: number | undefined, m: Money, at: string, counter: string) {
  const s = shiftFor(db, user, shiftId, counter);
  const totals = shiftTotals(db, s.id, s.float_minor);
  // The count is blind: a cashier never sees what the drawer should hold before counting it.
  const blind = user.role === 'cashier' && s.status === 'open';
  return { shift: toShift(s), at, ...m, totals, expectedCashMinor: blind ? null : expectedCash(totals) };
}

export function closeShift(db: WriteDb, user: User, i: { shiftId?: number; countedCashMinor: number; note?: string }, m: Money, at: string, counter: string): ZReport {
  return db.transaction(() => {
    const s = shiftFor(db, user, i.shiftId, counter);
    if (s.status === 'closed') {
      throw err('CONFLICT', `This shift is already closed (Z report No. ${s.z_no}).`, `هذه الوردية مغلقة بالفعل (تقرير Z رقم ${s.z_no}).`);
    }
    const totals = shiftTotals(db, s.id, s.float_minor);
    const zNo = nextZNo(db);
    markShiftClosed(db, s.id, at, user.id, zNo);
    const shift: Shift = toShift(shiftRow(db, s.id)!);
    const expected = expectedCash(totals);
    const body = {
      zNo, shift, counter: s.counter, closedAt: at, closedBy: { id: user.id, displayName: user.displayName }, ...m,
      expectedCashMinor: expected, countedCashMinor: i.countedCashMinor, varianceMinor: i.countedCashMinor - expected,
      note: i.note ?? null, totals,
    };
    const json = JSON.stringify(body);
    const hash = createHash('sha256').update(json).digest('hex');
    insertZReport(db, {
      zNo, shiftId: s.id, userId: s.user_id, closedBy: user.id, at, floatMinor: s.float_minor, expectedCashMinor: expected, countedCashMinor: i.countedCashMinor,
      varianceMinor: body.varianceMinor, salesCount: totals.salesCount, chargedMinor: totals.chargedMinor, json, hash,
    });
    appendAudit(db, { at, userId: user.id, action: 'shift.close', entity: 'shift', entityId: String(s.id),
      details: { zNo, hash, expectedCashMinor: expected, countedCashMinor: i.countedCashMinor, varianceMinor: body.varianceMinor } });
    // The head office gets every Z report (main/outbox/z-reports.ts), sent after this commits.
    enqueue(db, { topic: 'headoffice.zreport', key: `z:${zNo}`, payload: { zNo }, at });
    return { ...body, hash };
  })();
}

export function zReport(db: ReadDb, user: User, zNo: number): ZReport {
  const r = zReportRow(db, zNo);
  if (!r) throw err('NOT_FOUND', `There is no Z report No. ${zNo}.`, `لا يوجد تقرير Z رقم ${zNo}.`);
  if (r.user_id !== user.id && user.role === 'cashier') throw notYours();
  return { ...(JSON.parse(r.report_json) as Omit<ZReport, 'hash'>), hash: r.hash };
}

export function listZReports(db: ReadDb, i: { from?: string; to?: string; limit: number; offset: number }) {
  const { rows, total } = zReportRowsPage(db, i.from ? new Date(i.from).toISOString() : '', i.to ? new Date(i.to).toISOString() : '9999', i.limit, i.offset);
  return {
    items: rows.map((r) => {
      const z = JSON.parse(r.report_json) as ZReport;
      return { zNo: z.zNo, shift: z.shift, closedAt: z.closedAt, closedBy: z.closedBy, expectedCashMinor: z.expectedCashMinor, countedCashMinor: z.countedCashMinor, varianceMinor: z.varianceMinor };
    }),
    total,
  };
}
