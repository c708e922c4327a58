// The last line of defence when printing to a device node: whatever path reaches it, only a
// character device is ever opened for writing, nothing is created and nothing is emptied. The
// address rules (unit tests) keep paths outside /dev away; these tests aim the device writer
// itself at files in a temp folder, and at a pseudo-terminal this test creates (never a real
// printer or system device).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { PrinterError } from '../../../main/printing';
import { sendToDevice } from '../../../main/printing/device';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-dev-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const bytes = Buffer.from([0x1b, 0x40, 0x41, 0x0a]);
const codeOf = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(PrinterError);
  return (e as PrinterError).code;
};

describe('sendToDevice', () => {
  it('refuses a regular file and a symlink to one, leaving it as it was', async () => {
    const file = path.join(dir, 'master.key');
    fs.writeFileSync(file, 'thirty-two secret bytes');
    const mtime = fs.statSync(file).mtimeMs;
    const link = path.join(dir, 'lp0');
    fs.symlinkSync(file, link);
    expect(await codeOf(sendToDevice(bytes, file, 2000))).toBe('UNSUPPORTED');
    expect(await codeOf(sendToDevice(bytes, link, 2000))).toBe('UNSUPPORTED');
    expect(fs.readFileSync(file, 'utf8')).toBe('thirty-two secret bytes');
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  it('refuses a folder, and a FIFO without waiting for a reader', async () => {
    expect(await codeOf(sendToDevice(bytes, dir, 2000))).toBe('UNSUPPORTED');
    const fifo = path.join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const started = Date.now();
    expect(await codeOf(sendToDevice(bytes, fifo, 2000))).toBe('UNSUPPORTED');
    expect(Date.now() - started).toBeLessThan(1000); // refused, not a timeout
  });

  it('reports an absent device (a USB printer unplugged) as OFFLINE and creates nothing', async () => {
    const absent = path.join(dir, 'usb', 'lp7');
    expect(await codeOf(sendToDevice(bytes, absent, 2000))).toBe('OFFLINE');
    const absentHere = path.join(dir, 'lp9');
    expect(await codeOf(sendToDevice(bytes, absentHere, 2000))).toBe('OFFLINE');
    expect(fs.existsSync(absentHere)).toBe(false);
  });

  const python = spawnSync('python3', ['-c', 'import pty'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!python || process.platform === 'win32')('writes the exact bytes to a character device (a pseudo-terminal in raw mode)', async () => {
    // python3 opens a pty pair, puts it in raw mode (no newline translation), prints the device
    // path, then reads what arrives on the other side and prints it in hex.
    const script = 'import os,pty,sys,tty\nm,s=pty.openpty()\ntty.setraw(s)\nprint(os.ttyname(s),flush=True)\nn=int(sys.argv[1]);b=b""\nwhile len(b)<n: b+=os.read(m,n-len(b))\nprint(b.hex(),flush=True)\n';
    const payload = Buffer.concat([bytes, Buffer.from('Shahn test\n'), Buffer.from([0x1d, 0x56, 0x00])]);
    const child = spawn('python3', ['-c', script, String(payload.length)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = async () => {
      const r = await lines.next();
      if (r.done) throw new Error('python3 stopped before answering');
      return r.value as string;
    };
    try {
      const device = await next();
      expect(fs.statSync(device).isCharacterDevice()).toBe(true);
      await sendToDevice(payload, device, 3000);
      expect(Buffer.from(await next(), 'hex').equals(payload)).toBe(true);
    } finally {
      child.kill();
    }
  });
});
