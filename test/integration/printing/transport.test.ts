// Real sockets and files on this machine: a throwaway TCP "printer" per test, never the shared
// simulator in test/sim.
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { buildReceipt, PrinterError, renderEscPos, sendToPrinter } from '../../../main/printing';
import { context, stsSale } from '../../helpers/escpos-fixtures';

const servers: net.Server[] = [];
const sockets: net.Socket[] = [];
afterEach(async () => {
  // Printers that never hang up keep their sockets open; close() would wait for them forever.
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function listen(onSocket: (s: net.Socket) => void, opts: net.ServerOpts = {}): Promise<number> {
  const server = net.createServer(opts, (sock) => {
    sockets.push(sock);
    onSocket(sock);
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function rejection(p: Promise<unknown>): Promise<PrinterError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(PrinterError);
  return e as PrinterError;
}

describe('sendToPrinter', () => {
  it('delivers the exact bytes to a raw TCP printer', async () => {
    const bytes = await renderEscPos(buildReceipt(stsSale, context('both'), { copy: false }), { widthMm: 80, profile: 'epson' });
    let received: Promise<Buffer> = Promise.resolve(Buffer.alloc(0));
    const port = await listen((sock) => {
      received = new Promise((resolve) => {
        const chunks: Buffer[] = [];
        sock.on('data', (c) => chunks.push(c));
        sock.on('end', () => resolve(Buffer.concat(chunks)));
      });
    });
    await sendToPrinter(bytes, `tcp://127.0.0.1:${port}`, 5000);
    expect((await received).equals(bytes)).toBe(true);
  });

  it('still resolves when the printer never closes its side', async () => {
    // allowHalfOpen: receiving our FIN does not make the server send its own.
    const port = await listen((sock) => sock.on('data', () => undefined), { allowHalfOpen: true });
    await sendToPrinter(Buffer.from('hello\n'), `tcp://127.0.0.1:${port}`, 5000);
  });

  it('reports OFFLINE when nothing listens', async () => {
    const port = await freePort();
    const e = await rejection(sendToPrinter(Buffer.from('x'), `tcp://127.0.0.1:${port}`, 2000));
    expect(e.code).toBe('OFFLINE');
  });

  it('reports TIMEOUT when the printer stops taking data mid-receipt', async () => {
    const port = await listen((sock) => sock.pause()); // a jammed printer: connected, never reads
    const big = Buffer.alloc(64 * 1024 * 1024, 0x20);
    const e = await rejection(sendToPrinter(big, `tcp://127.0.0.1:${port}`, 500));
    expect(e.code).toBe('TIMEOUT');
  });

  it('never writes to a regular file: not by its path, a symlink, a ../ trick, nor one it would create', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shahn-lp-'));
    try {
      // Stand-ins for the database and the master key a supervisor must not be able to overwrite.
      const file = path.join(dir, 'shahn.sqlite');
      await writeFile(file, 'the database');
      const before = await stat(file);
      const link = path.join(dir, 'lp0');
      await symlink(file, link);
      const created = path.join(dir, 'new-lp0');
      for (const iface of [file, link, `/dev/..${file}`, `/dev/usb/lp0/../../..${file}`, created]) {
        const e = await rejection(sendToPrinter(Buffer.from([0x1b, 0x40, 0x41, 0x0a]), iface, 2000));
        expect(e.code).toBe('UNSUPPORTED');
        expect(e.message).toMatch(/not a printer address/);
      }
      expect(await readFile(file, 'utf8')).toBe('the database');
      expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
      expect(existsSync(created)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says plainly when printer:NAME cannot be used on this machine (no CUPS lp)', async () => {
    process.env.SHAHN_LP_COMMAND = '/nonexistent/lp';
    try {
      const e = await rejection(sendToPrinter(Buffer.from('x'), 'printer:EPSON_TM_T20', 1000));
      expect(e.code).toBe('UNSUPPORTED');
      expect(e.message).toMatch(/not supported/);
    } finally {
      delete process.env.SHAHN_LP_COMMAND;
    }
    expect((await rejection(sendToPrinter(Buffer.from('x'), 'lp0', 1000))).code).toBe('UNSUPPORTED');
  });

  it.skipIf(process.platform === 'win32')('printer:NAME hands the exact bytes to CUPS as a raw job', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'shahn-lp-'));
    // A stand-in for lp: records its arguments and stdin; "missing" is an unknown printer.
    const lp = path.join(dir, 'lp');
    await writeFile(lp, `#!/bin/sh\nif [ "$2" = missing ]; then echo 'lp: The printer or class does not exist.' >&2; exit 1; fi\necho "$@" > "${dir}/args"\ncat > "${dir}/job"\n`, { mode: 0o755 });
    process.env.SHAHN_LP_COMMAND = lp;
    try {
      const bytes = await renderEscPos(buildReceipt(stsSale, context('ar'), { copy: false }), { widthMm: 58, profile: 'epson' });
      await sendToPrinter(bytes, 'printer:TM-T20', 5000);
      expect((await readFile(path.join(dir, 'args'), 'utf8')).trim()).toBe('-d TM-T20 -o raw');
      expect((await readFile(path.join(dir, 'job'))).equals(bytes)).toBe(true);
      expect((await rejection(sendToPrinter(bytes, 'printer:missing', 5000))).code).toBe('UNSUPPORTED');
    } finally {
      delete process.env.SHAHN_LP_COMMAND;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
