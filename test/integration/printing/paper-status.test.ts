// The paper question (DLE EOT 4) asked before each receipt, against throwaway TCP printers: one
// that says "paper end", one that never answers status requests, one that hangs up instead.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterError, sendToPrinter } from '../../../main/printing';
import { PAPER_STATUS_REQUEST } from '../../../main/printing/transport';
import { startPaperPrinter } from './helpers';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

async function rawPrinter(onSocket: (s: net.Socket, got: Buffer[]) => void): Promise<{ port: number; got: Buffer[] }> {
  const got: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    onSocket(s, got);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  closers.push(() => {
    for (const s of sockets) s.destroy();
    return new Promise((r) => server.close(() => r()));
  });
  return { port: (server.address() as net.AddressInfo).port, got };
}

const codeOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof PrinterError ? e.code : String(e)));
const receipt = Buffer.from([0x1b, 0x40, 0x48, 0x49, 0x0a]);

describe('paper status before printing', () => {
  it('paper out: PAPER_OUT, and the receipt is not sent', async () => {
    const p = await startPaperPrinter();
    closers.push(p.close);
    expect(await codeOf(sendToPrinter(receipt, `tcp://127.0.0.1:${p.port}`, 3000, { checkPaper: true }))).toBe('PAPER_OUT');
    await new Promise((r) => setTimeout(r, 100));
    expect(Buffer.concat(p.received)).toEqual(PAPER_STATUS_REQUEST);
    p.paperOut = false;
    await sendToPrinter(receipt, `tcp://127.0.0.1:${p.port}`, 3000, { checkPaper: true });
    await new Promise((r) => setTimeout(r, 100));
    expect(p.received[1]).toEqual(Buffer.concat([PAPER_STATUS_REQUEST, receipt]));
  });

  it('a printer that never answers status requests still gets the receipt, after a short wait', async () => {
    let received: Promise<Buffer> = Promise.resolve(Buffer.alloc(0));
    const { port } = await rawPrinter((s) => {
      received = new Promise((resolve) => {
        const chunks: Buffer[] = [];
        s.on('data', (c: Buffer) => chunks.push(c));
        s.on('end', () => resolve(Buffer.concat(chunks)));
      });
    });
    const t = Date.now();
    await sendToPrinter(receipt, `tcp://127.0.0.1:${port}`, 3000, { checkPaper: true });
    expect(Date.now() - t).toBeGreaterThanOrEqual(450);
    expect(await received).toEqual(Buffer.concat([PAPER_STATUS_REQUEST, receipt]));
  });

  it('a printer that hangs up while we wait for its answer is an IO error, not a success', async () => {
    const { port } = await rawPrinter((s) => s.once('data', () => s.end()));
    expect(await codeOf(sendToPrinter(receipt, `tcp://127.0.0.1:${port}`, 3000, { checkPaper: true }))).toBe('IO');
  });

  it('without checkPaper nothing is asked', async () => {
    const p = await startPaperPrinter(); // would say "paper end" if asked
    closers.push(p.close);
    await sendToPrinter(receipt, `tcp://127.0.0.1:${p.port}`, 3000);
    await new Promise((r) => setTimeout(r, 100));
    expect(p.received).toEqual([receipt]);
  });
});
