// Writing receipt bytes to a device node (a USB, parallel or serial printer). The address rules
// (address.ts) already keep every path outside the printer devices away; this is the second line
// of defence, at the moment of writing, for whatever reaches it (a row stored by an older Shahn, a
// symlink swapped in, a bug upstream): only a character device is ever opened for writing, and it
// is opened without O_CREAT or O_TRUNC, so nothing is ever created, emptied or overwritten.
import fs from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { PrinterError } from './errors';

/** The device is not there (a USB printer unplugged or switched off): safe to reprint later. */
const ABSENT = new Set(['ENOENT', 'ENODEV', 'ENXIO']);

// Write-only, no O_CREAT, no O_TRUNC. O_NOCTTY: a serial port must never become our controlling
// terminal. (Windows has no O_NOCTTY; Node maps O_WRONLY without O_CREAT to OPEN_EXISTING there.)
const FLAGS = fs.constants.O_WRONLY | (fs.constants.O_NOCTTY ?? 0);

/**
 * Whether what we are about to write to is a printer device. POSIX: a character device, nothing
 * else (not a regular file, a folder, a FIFO or a socket). Windows: COM and LPT ports are character
 * devices too; a shared printer (\\host\share, share = true) is reached through the network
 * redirector, which Node may not report as one, so there a share is refused only if it is a
 * folder or a regular file (the address rules already make it a share's root, never a file in it).
 */
function isPrinterDevice(st: fs.Stats, share: boolean): boolean {
  if (process.platform === 'win32' && share) return !st.isFile() && !st.isDirectory();
  return st.isCharacterDevice();
}

const notADevice = (file: string, iface: string) =>
  new PrinterError('UNSUPPORTED', `${file} is not a printer device (only a character device is written to, never a file)`, iface);

async function openDevice(file: string, iface: string, share: boolean): Promise<FileHandle> {
  const fail = (e: unknown): never => {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new PrinterError(ABSENT.has(code) ? 'OFFLINE' : 'IO', `${file}: ${code || String(e)}`, iface, { cause: e });
  };
  // POSIX: looked at before opening, because opening a FIFO would wait for a reader. (Windows is
  // not asked: stat opens a COM port, which fails while anything else has it open, and the
  // device namespace holds no FIFOs our address rules let through.)
  if (process.platform !== 'win32' && !isPrinterDevice(await stat(file).catch(fail), share)) throw notADevice(file, iface);
  const handle = await open(file, FLAGS).catch(fail);
  // And the object actually opened, in case the path was swapped in between: nothing written yet.
  const opened = await handle.stat().catch(async (e: unknown) => {
    await handle.close().catch(() => undefined);
    return fail(e);
  });
  if (!isPrinterDevice(opened, share)) {
    await handle.close().catch(() => undefined);
    throw notADevice(file, iface);
  }
  return handle;
}

/** Writes all the bytes to the device at `file`; iface is the address as configured, for errors. */
export async function sendToDevice(bytes: Buffer, file: string, timeoutMs: number, iface = file, share = false): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PrinterError('TIMEOUT', `${iface} did not accept the receipt within ${timeoutMs} ms`, iface)), timeoutMs);
  });
  const write = async (): Promise<void> => {
    const handle = await openDevice(file, iface, share);
    try {
      await handle.writeFile(bytes);
    } catch (e) {
      throw new PrinterError('IO', `${iface}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, iface, { cause: e });
    } finally {
      await handle.close().catch(() => undefined);
    }
  };
  try {
    // A stuck USB write cannot be cancelled from JS; the timeout at least frees the sale flow.
    await Promise.race([write(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
