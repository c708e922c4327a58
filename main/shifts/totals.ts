// A shift's totals and what its drawer should hold. The totals are pure reads of the sales rows
// (db/repos/shifts.ts); the X report, the Z report and the whole-day test's own SQL all come back
// to those rows.
import type { ShiftTotals } from '../../preload/contract';

export { shiftTotals } from '../../db/repos/shifts';

/** What should be in the drawer: the float plus the cash taken for sales (tendered - change). */
export const expectedCash = (t: ShiftTotals): number => t.cash.floatMinor + t.cash.salesMinor;
