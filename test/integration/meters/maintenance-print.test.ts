// Printing an engineering token: its own slip through the receipt printer, the digits in the
// stream, only for a code this counter issued (checked against the audit), audited without digits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEscPos, rasters, textLines } from '../../helpers/escpos-decode';
import { startHarness, type Harness } from '../../helpers/harness';
import { DEMO_STS_METERS } from '../../sim/demo-data';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const STS = DEMO_STS_METERS[0]!.number;
const grouped = (d: string) => d.match(/.{4}/g)!.join(' ');

describe('meters.printMaintenanceCode', () => {
  it('prints the slip: the token in groups of four, the action, and that it is no credit purchase', async () => {
    await h.login('supervisor', '2222');
    const code = await h.call('meters.maintenanceCode', { meterNumber: STS, purpose: 'maintenance', action: 'set_power_limit', powerLimitW: 3000, validMinutes: 60 });
    const jobsBefore = h.sims.printer.jobs().length;
    const r = await h.call('meters.printMaintenanceCode', { meterNumber: code.meterNumber, tid: code.tid, code: code.code });
    expect(r).toEqual({ printed: true, copy: false, error: null });
    const jobs = await h.sims.printer.waitForJobs(jobsBefore + 1, 5_000);
    const ops = decodeEscPos(jobs[jobsBefore]!);
    const text = textLines(ops).map((l) => l.text).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain(grouped(code.code));
    expect(text).toMatch(/Engineering token/);
    expect(text).toMatch(/not a credit purchase/);
    // Labelled rows of a bilingual slip (meter, action, expiry...) are drawn as pictures, as on receipts.
    // The token is printed in the printer's large font, not only as a picture.
    expect(textLines(ops).some((l) => l.text.includes(code.code.slice(0, 4)) && l.width === 2)).toBe(true);
    expect(rasters(ops).length).toBeGreaterThan(0); // the Arabic lines
    expect(ops.some((o) => o.op === 'cut')).toBe(true);
    const audit = h.app.db.read.prepare(`SELECT details FROM audit_log WHERE action = 'meter.maintenance_code_print'`).all() as { details: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toEqual({ tid: code.tid, printed: true });
    expect(audit[0]!.details).not.toContain(code.code);
  });

  it('refuses a TID this counter did not issue for that meter, and a cashier', async () => {
    await h.login('supervisor', '2222');
    const code = await h.call('meters.maintenanceCode', { meterNumber: STS, purpose: 'check', action: 'clear_tamper', validMinutes: 15 });
    const other = await h.raw('meters.printMaintenanceCode', { meterNumber: DEMO_STS_METERS[1]!.number, tid: code.tid, code: code.code });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!other.ok) expect(other.error.message.ar).toMatch(/رمز هندسي/);
    expect(await h.raw('meters.printMaintenanceCode', { meterNumber: STS, tid: code.tid + 1_000_000, code: code.code })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The right meter and TID with other digits: refused, so a slip never carries a wrong code.
    const wrong = code.code.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    expect(await h.raw('meters.printMaintenanceCode', { meterNumber: STS, tid: code.tid, code: wrong })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await h.raw('meters.printMaintenanceCode', { meterNumber: STS, tid: code.tid, code: '123' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await h.login('cashier', '1111');
    expect(await h.raw('meters.printMaintenanceCode', { meterNumber: STS, tid: code.tid, code: code.code })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a printer fault is reported in words, and nothing else changes', async () => {
    await h.login('supervisor', '2222');
    const code = await h.call('meters.maintenanceCode', { meterNumber: STS, purpose: 'repair', action: 'clear_credit', validMinutes: 60 });
    await h.sims.printer.setFaults({ offline: true });
    try {
      const r = await h.call('meters.printMaintenanceCode', { meterNumber: STS, tid: code.tid, code: code.code });
      expect(r.printed).toBe(false);
      expect(r.error?.ar).toMatch(/[\u0600-\u06FF]/);
      expect(r.error?.en.length).toBeGreaterThan(5);
    } finally {
      await h.sims.printer.setFaults({ offline: false });
    }
  });
});
