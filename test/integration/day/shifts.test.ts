// Shifts: no sale without one (requireShift), X report with a blind count, close -> numbered,
// immutable Z report, printed, CSV in <dataDir>/reports, database backed up (issue 8).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness';
import { requireShifts, users, type Users, type Who } from './helpers';

let h: Harness;
let u: Users;
beforeAll(async () => {
  h = await startHarness();
  u = await users(h);
  await requireShifts(u);
});
afterAll(() => h.close());

const sell = async (who: Who, amountMinor: number, paymentMethod: 'cash' | 'card' | 'transfer' = 'cash', tenderedMinor = amountMinor) =>
  u.call(who, 'sales.sell', await u.confirmed(who, { meterNumber: '04000001018', amountMinor, tenderedMinor, paymentMethod }));
const count = (sql: string) => (h.app.db.read.prepare(sql).get() as { n: number }).n;

describe('shifts', () => {
  let zNo = 0;
  it('refuses a sale without an open shift, writing nothing', async () => {
    const receipts = count(`SELECT value AS n FROM counters WHERE name = 'receipt_no'`);
    expect(await u.call('cashier', 'shifts.current', {})).toBeNull();
    expect(await u.call('cashier', 'shifts.settings', {})).toEqual({ requireShift: true });
    expect((await u.fail('cashier', 'sales.sell', await u.confirmed('cashier', { meterNumber: '04000001018', amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' }))).code).toBe('SHIFT_REQUIRED');
    expect(count('SELECT COUNT(*) AS n FROM sales')).toBe(0);
    expect(count(`SELECT value AS n FROM counters WHERE name = 'receipt_no'`)).toBe(receipts);
    expect((await u.fail('cashier', 'shifts.saveSettings', { requireShift: false })).code).toBe('FORBIDDEN');
  });

  it('opens one shift per cashier with a float; the X report hides the expected cash from the cashier only', async () => {
    const s = await u.call('cashier', 'shifts.open', { floatMinor: 5_000 });
    expect(s).toMatchObject({ status: 'open', floatMinor: 5_000, autoOpened: false, counter: 'Counter 1' });
    expect((await u.fail('cashier', 'shifts.open', { floatMinor: 1 })).code).toBe('CONFLICT');
    expect((await u.fail('cashier', 'shifts.open', { floatMinor: -1 })).code).toBe('BAD_INPUT');
    const a = await sell('cashier', 1_000, 'cash', 1_500);
    await sell('cashier', 2_000, 'card');
    expect(h.app.db.read.prepare('SELECT shift_id FROM sales WHERE id = ?').get(a.id)).toEqual({ shift_id: s.id });
    const x = await u.call('cashier', 'shifts.xReport', {});
    expect(x.expectedCashMinor).toBeNull();
    expect(x.totals).toMatchObject({ salesCount: 2, chargedMinor: a.chargedMinor + (await salesCharged(s.id, 'card')) });
    const xs = await u.call('supervisor', 'shifts.xReport', { shiftId: s.id });
    expect(xs.expectedCashMinor).toBe(5_000 + a.chargedMinor);
    expect(xs.totals.cash).toEqual({ floatMinor: 5_000, salesMinor: a.chargedMinor, tenderedMinor: 1_500, changeMinor: 1_500 - a.chargedMinor });
    // Another cashier's shift is a supervisor's business.
    await u.call('supervisor', 'shifts.open', { floatMinor: 0 });
    expect((await u.fail('cashier', 'shifts.xReport', { shiftId: s.id + 1 })).code).toBe('FORBIDDEN');
    expect((await u.call('supervisor', 'shifts.list', { status: 'open' })).total).toBe(2);
  });

  it('closes with a blind count: Z report No. 1 with the variance, printed, exported, backed up; then immutable', async () => {
    const shift = (await u.call('cashier', 'shifts.current', {}))!;
    h.sims.printer.clear();
    const expected = 5_000 + (await salesCharged(shift.id, 'cash'));
    const r = await u.call('cashier', 'shifts.close', { countedCashMinor: expected - 100, note: 'short 100' });
    zNo = r.report.zNo;
    expect(zNo).toBe(1);
    expect(r.report).toMatchObject({ expectedCashMinor: expected, countedCashMinor: expected - 100, varianceMinor: -100, note: 'short 100' });
    expect(r.report.shift).toMatchObject({ status: 'closed', zNo: 1 });
    expect(r.print).toEqual({ printed: true, copy: false, error: null });
    expect((await h.sims.printer.waitForJobs(1, 5_000)).length).toBe(1);
    expect(r.csvFile).toBe(path.join(h.dataDir, 'reports', 'z-report-000001.csv'));
    expect(fs.readFileSync(r.csvFile, 'utf8')).toContain('cash,variance,variance,,-100,,short 100');
    expect(r.backupError).toBeNull();
    expect(fs.existsSync(r.backupFile!)).toBe(true);
    expect(path.basename(r.backupFile!)).toMatch(/shift-close/);
    expect(await u.call('cashier', 'shifts.current', {})).toBeNull();
    expect((await u.fail('cashier', 'sales.sell', await u.confirmed('cashier', { meterNumber: '04000001018', amountMinor: 1000, tenderedMinor: 1000, paymentMethod: 'cash' }))).code).toBe('SHIFT_REQUIRED');
    expect((await u.fail('supervisor', 'shifts.close', { shiftId: shift.id, countedCashMinor: 0 })).code).toBe('CONFLICT');
    // The database itself refuses to change a Z report, a closed shift, or a sale's shift.
    const w = h.app.db.write;
    expect(() => w.prepare('UPDATE z_reports SET counted_cash_minor = 0').run()).toThrow(/immutable/);
    expect(() => w.prepare('DELETE FROM z_reports').run()).toThrow(/immutable/);
    expect(() => w.prepare('UPDATE shifts SET float_minor = 0 WHERE id = ?').run(shift.id)).toThrow(/closed shift/);
    expect(() => w.prepare('UPDATE sales SET shift_id = NULL').run()).toThrow(/never changes shift/);
    const stored = h.app.db.read.prepare('SELECT hash FROM z_reports WHERE z_no = 1').get() as { hash: string };
    expect(stored.hash).toBe(r.report.hash);
    expect(JSON.parse((h.app.db.read.prepare(`SELECT details FROM audit_log WHERE action = 'shift.close'`).get() as { details: string }).details).hash).toBe(r.report.hash);
  });

  it('the Z report reads back, lists, reprints as a COPY and exports CSV; cashiers see only their own', async () => {
    expect((await u.call('cashier', 'shifts.zReport', { zNo })).varianceMinor).toBe(-100);
    expect((await u.fail('cashier', 'shifts.zReport', { zNo: 99 })).code).toBe('NOT_FOUND');
    const list = await u.call('supervisor', 'shifts.zReports', {});
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ zNo, varianceMinor: -100 });
    expect(await u.call('cashier', 'shifts.printZ', { zNo })).toEqual({ printed: true, copy: true, error: null });
    const csv = await u.call('cashier', 'shifts.zCsv', { zNo });
    expect(csv.csv.split('\r\n')[0]).toBe('\uFEFFsection,name_en,name_ar,count,amount_minor,energy_tenths,detail');
    // The supervisor's own shift: Z No. 2; a cashier may not close it.
    const sup = (await u.call('supervisor', 'shifts.current', {}))!;
    expect((await u.fail('cashier', 'shifts.close', { shiftId: sup.id, countedCashMinor: 0 })).code).toBe('FORBIDDEN');
    const z2 = await u.call('supervisor', 'shifts.close', { countedCashMinor: 0 });
    expect(z2.report).toMatchObject({ zNo: 2, varianceMinor: 0 });
    expect((await u.fail('cashier', 'shifts.zReport', { zNo: 2 })).code).toBe('FORBIDDEN');
  });

  it('with requireShift off, the first sale opens a shift with a zero float', async () => {
    await requireShifts(u, false);
    const sale = await sell('cashier', 1_000);
    const cur = (await u.call('cashier', 'shifts.current', {}))!;
    expect(cur).toMatchObject({ autoOpened: true, floatMinor: 0 });
    expect(h.app.db.read.prepare('SELECT shift_id FROM sales WHERE id = ?').get(sale.id)).toEqual({ shift_id: cur.id });
  });
});

async function salesCharged(shiftId: number, method: string): Promise<number> {
  return (h.app.db.read.prepare(`SELECT COALESCE(SUM(charged_minor), 0) AS n FROM sales WHERE shift_id = ? AND payment_method = ? AND status <> 'failed'`).get(shiftId, method) as { n: number }).n;
}
