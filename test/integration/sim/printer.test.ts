// The fake network ESC/POS printer, driven by the real node-thermal-printer library.
import net from 'node:net';
import { ThermalPrinter, PrinterTypes } from 'node-thermal-printer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPrinterSim, type PrinterSim } from '../../sim/printer';

let printer: PrinterSim;
beforeAll(async () => {
  printer = await startPrinterSim();
});
afterAll(() => printer.close());
beforeEach(() => printer.clear());

const thermal = () => new ThermalPrinter({ type: PrinterTypes.EPSON, interface: `tcp://${printer.host}:${printer.port}` });

describe('printer simulator', () => {
  it('ignores the empty isPrinterConnected probe and keeps every byte of a job', async () => {
    const p = thermal();
    expect(await p.isPrinterConnected()).toBe(true);
    p.println('Shahn receipt 0001');
    p.cut();
    const sent = Buffer.from(p.getBuffer());
    await p.execute();
    const jobs = await printer.waitForJobs(1, 2_000);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.equals(sent)).toBe(true);
  });

  it('keeps one job per connection, in order', async () => {
    for (const text of ['first', 'second']) {
      const p = thermal();
      p.println(text);
      await p.execute();
      await printer.waitForJobs(text === 'first' ? 1 : 2, 2_000);
    }
    expect(printer.jobs().map((j) => j.toString('latin1'))).toEqual([expect.stringContaining('first'), expect.stringContaining('second')]);
  });

  it('waitForJobs rejects when the jobs do not come', async () => {
    await expect(printer.waitForJobs(1, 50)).rejects.toThrow(/expected 1 job/);
  });

  it('answers a DLE EOT status request like an idle printer', async () => {
    const reply = await new Promise<Buffer>((resolve, reject) => {
      const s = net.connect(printer.port, printer.host, () => s.write(Buffer.from([0x10, 0x04, 0x01])));
      s.once('data', (d) => {
        s.destroy();
        resolve(d);
      });
      s.once('error', reject);
    });
    expect([...reply]).toEqual([0x12]);
  });

  it('offline: the print fails with connection refused', async () => {
    await printer.setFaults({ offline: true });
    const p = thermal();
    p.println('lost');
    await expect(p.execute()).rejects.toThrow(/ECONNREFUSED/);
    expect(await p.isPrinterConnected()).toBe(false);
    await printer.setFaults({});
    expect(await thermal().isPrinterConnected()).toBe(true);
  });
});
