// Print jobs survive printer faults: the sale is never affected, the job waits and is retried,
// the original receipt comes out once, and every reprint is a COPY with an audit row.
import { afterEach, describe, expect, it } from 'vitest';
import { equalBitmaps, stack } from '../../../main/printing/bitmap';
import { PAPER_STATUS_REQUEST } from '../../../main/printing/transport';
import { decodeEscPos, rasters } from '../../helpers/escpos-decode';
import { eventually, startHarness, type Harness } from '../../helpers/harness';
import { jobsOf, previewRasters, sellSts, startPaperPrinter } from './helpers';

let h: Harness;
afterEach(async () => h?.close());

const printedRaster = (job: Buffer) => stack(rasters(decodeEscPos(job)));

describe('print jobs', () => {
  it('a printer fault leaves the job queued and the sale intact; the alert lists it in both languages', async () => {
    h = await startHarness();
    await h.login();
    await h.sims.printer.setFaults({ offline: true });
    const sale = await sellSts(h);
    expect(sale.status).toBe('issued');
    expect(sale.token).toMatch(/^\d{20}$/);
    expect(sale.printStatus).toBe('failed');
    expect(jobsOf(h, sale.id)).toMatchObject([{ copy: 0, status: 'queued', attempts: 1, error_code: 'OFFLINE' }]);
    const [problem] = await h.call('receipts.problems', {});
    expect(problem).toMatchObject({ saleId: sale.id, receiptNo: sale.receiptNo, copy: false, status: 'queued', errorCode: 'OFFLINE' });
    expect(problem!.error!.ar).toContain('الطابعة غير متصلة');
    expect(problem!.error!.en).toContain('keeps trying');
    // The sale row itself is what it was: issued, same token.
    expect(await h.call('sales.get', { id: sale.id })).toMatchObject({ status: 'issued', token: sale.token });
  });

  it('the queued original prints by itself when the printer returns, once, and never as a second original', async () => {
    h = await startHarness();
    await h.login();
    await h.sims.printer.setFaults({ offline: true });
    const sale = await sellSts(h);
    await h.sims.printer.setFaults({});
    const [job] = await h.sims.printer.waitForJobs(1, 8_000); // the backoff retry (2 s)
    await eventually(async () => (await h.call('sales.get', { id: sale.id })).printStatus === 'printed', 3_000, 'print status');
    expect(equalBitmaps(printedRaster(job!), await previewRasters(h, sale.id, false))).toBe(true); // the original, not a COPY
    // Pressing "Print again" now is a copy; the original is never printed twice.
    expect(await h.call('sales.print', { id: sale.id })).toEqual({ printed: true, copy: true, error: null });
    expect(jobsOf(h, sale.id).map((j) => [j.copy, j.status])).toEqual([[0, 'printed'], [1, 'printed']]);
    expect(await h.call('receipts.problems', {})).toEqual([]);
  });

  it('the next sale retries the waiting receipts at once; Retry prints the same job', async () => {
    h = await startHarness();
    await h.login();
    await h.sims.printer.setFaults({ offline: true });
    const a = await sellSts(h);
    const b = await sellSts(h, 2000);
    const [jobB] = jobsOf(h, b.id);
    await h.sims.printer.setFaults({});
    expect(await h.call('receipts.retry', { jobId: jobB!.id })).toEqual({ printed: true, copy: false, error: null });
    // Retry kicks the queue: a's receipt follows without waiting for its backoff.
    await eventually(() => jobsOf(h, a.id)[0]?.status === 'printed', 1_500, "a's receipt");
    expect(jobsOf(h, a.id)).toMatchObject([{ copy: 0, status: 'printed', attempts: 2 }]);
    const c = await sellSts(h, 3000);
    expect((await h.call('sales.get', { id: c.id })).printStatus).toBe('printed');
    expect(h.sims.printer.jobs()).toHaveLength(3);
  });

  it('a reprint is marked COPY, names who reprinted, and is audited', async () => {
    h = await startHarness();
    await h.login();
    const sale = await sellSts(h);
    await h.sims.printer.waitForJobs(1, 5_000);
    expect(await h.call('sales.print', { id: sale.id })).toEqual({ printed: true, copy: true, error: null });
    const [, copy] = await h.sims.printer.waitForJobs(2, 5_000);
    expect(equalBitmaps(printedRaster(copy!), await previewRasters(h, sale.id, true))).toBe(true);
    expect(equalBitmaps(printedRaster(copy!), await previewRasters(h, sale.id, false))).toBe(false);
    const audit = h.app.db.read.prepare(`SELECT user_id, entity_id, details FROM audit_log WHERE action = 'receipt.reprint'`).all() as { user_id: number; entity_id: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_id).toBe(sale.id);
    expect(audit[0]!.user_id).toBe((await h.call('auth.me', {})).id);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ receiptNo: sale.receiptNo });
  });

  it('Reprint of a job that failed closes it and prints a COPY instead', async () => {
    h = await startHarness();
    await h.login();
    await h.sims.printer.setFaults({ offline: true });
    const sale = await sellSts(h);
    const [orig] = jobsOf(h, sale.id);
    await h.sims.printer.setFaults({});
    expect(await h.call('receipts.reprint', { jobId: orig!.id })).toEqual({ printed: true, copy: true, error: null });
    expect(jobsOf(h, sale.id).map((j) => [j.copy, j.status, j.replaced_by !== null])).toEqual([[0, 'failed', true], [1, 'printed', false]]);
    expect(await h.call('receipts.problems', {})).toEqual([]);
    const r = await h.raw('receipts.retry', { jobId: orig!.id });
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
  });

  it('paper out (DLE EOT 4) sends nothing and keeps the job; it prints once paper is back', async () => {
    const printer = await startPaperPrinter();
    try {
      h = await startHarness({ settings: { printer: { iface: `tcp://127.0.0.1:${printer.port}`, widthMm: 80, profile: 'epson', language: 'both', timeoutMs: 3_000 } } });
      await h.login();
      const sale = await sellSts(h);
      expect(sale.status).toBe('issued');
      expect(jobsOf(h, sale.id)).toMatchObject([{ status: 'queued', error_code: 'PAPER_OUT' }]);
      await eventually(() => printer.received.length === 1, 2_000, 'the status query');
      expect(printer.received[0]).toEqual(PAPER_STATUS_REQUEST); // asked, and sent nothing else
      const [problem] = await h.call('receipts.problems', {});
      expect(problem!.error!.en).toMatch(/out of paper/);
      printer.paperOut = false;
      expect(await h.call('receipts.retry', { jobId: problem!.id })).toEqual({ printed: true, copy: false, error: null });
      const job = printer.received[1]!;
      expect(job.subarray(0, 3)).toEqual(PAPER_STATUS_REQUEST);
      expect(job.subarray(3, 5)).toEqual(Buffer.from([0x1b, 0x40])); // then the receipt, from ESC @
      expect(equalBitmaps(printedRaster(job.subarray(3)), await previewRasters(h, sale.id, false))).toBe(true);
    } finally {
      await printer.close();
    }
  });
});

describe('print jobs across a restart and a settings change', () => {
  it('a sale printed before print jobs existed (upgraded database) is reprinted as a COPY', async () => {
    h = await startHarness();
    await h.login();
    const sale = await sellSts(h);
    h.app.db.write.prepare('DELETE FROM print_jobs WHERE sale_id = ?').run(sale.id); // as 0004 left it: print_count 1, no job
    expect(await h.call('sales.print', { id: sale.id })).toEqual({ printed: true, copy: true, error: null });
  });

  it('a receipt still queued when Shahn stopped is printed when it starts again', async () => {
    h = await startHarness();
    await h.login();
    await h.sims.printer.setFaults({ offline: true });
    const sale = await sellSts(h);
    const dataDir = h.dataDir;
    await h.close();
    h = await startHarness({ dataDir, seed: false });
    await h.sims.printer.waitForJobs(1, 8_000);
    await eventually(() => jobsOf(h, sale.id)[0]?.status === 'printed', 3_000, 'the job to be recorded as printed');
    expect(jobsOf(h, sale.id)).toHaveLength(1);
  });

  it('jobs that failed for want of a printer address print once a supervisor sets one', async () => {
    h = await startHarness({ settings: { printer: { iface: null, widthMm: 80, profile: 'epson', language: 'both', timeoutMs: 3_000 } } });
    await h.login();
    const sale = await sellSts(h);
    expect(jobsOf(h, sale.id)).toMatchObject([{ status: 'failed', error_code: 'NOT_CONFIGURED' }]);
    expect((await h.call('receipts.problems', {}))[0]!.error!.en).toMatch(/No printer is set up/);
    await h.login('supervisor', '2222');
    const { settings } = await h.call('printer.settings', {});
    await h.call('printer.saveSettings', { ...settings, iface: `tcp://${h.sims.printer.host}:${h.sims.printer.port}` });
    await h.sims.printer.waitForJobs(1, 5_000);
    await eventually(() => jobsOf(h, sale.id)[0]?.status === 'printed', 3_000, 'the job to be printed');
  });
});
