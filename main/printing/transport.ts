// Delivering receipt bytes. Kept apart from rendering so a failed print never touches the sale:
// the caller renders once, tries to send, and records the PrinterError if any.
import net from 'node:net';
import path from 'node:path';
import { open } from 'node:fs/promises';
import { PrinterError } from './errors';

/** When the printer does not close its side after our FIN, how long to wait before we close ours. */
const CLOSE_GRACE_MS = 1000;

const OFFLINE_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ENOENT', 'ENODEV', 'ENXIO']);

/**
 * iface: "tcp://host[:port]" (raw port 9100), an absolute device path such as "/dev/usb/lp0",
 * or "printer:NAME" (OS spooler; not supported by this build — it needs a native module).
 */
export async function sendToPrinter(bytes: Buffer, iface: string, timeoutMs: number): Promise<void> {
  const tcp = /^tcp:\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?\/?$/i.exec(iface);
  if (tcp) return sendTcp(bytes, iface, tcp[1]!.replace(/^\[|\]$/g, ''), Number(tcp[2] ?? 9100), timeoutMs);
  if (/^printer:/i.test(iface)) {
    throw new PrinterError('UNSUPPORTED', `"${iface}": printing through the OS spooler is not supported by this build; use tcp://host:9100 or a device path such as /dev/usb/lp0`, iface);
  }
  if (path.isAbsolute(iface)) return sendDevice(bytes, iface, timeoutMs);
  throw new PrinterError('UNSUPPORTED', `"${iface}" is not a printer address (expected tcp://host:port, /dev/... or printer:NAME)`, iface);
}

function sendTcp(bytes: Buffer, iface: string, host: string, port: number, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let connected = false;
    let settled = false;
    const socket = net.connect({ host, port });
    const finish = (err?: PrinterError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };
    // Never connecting means nothing printed (OFFLINE: safe to reprint); stalling mid-write
    // (paper out, head open) means part of it may be on paper (TIMEOUT: look before reprinting).
    const timer = setTimeout(() => {
      finish(connected
        ? new PrinterError('TIMEOUT', `printer ${host}:${port} did not accept the receipt within ${timeoutMs} ms`, iface)
        : new PrinterError('OFFLINE', `printer ${host}:${port} did not answer within ${timeoutMs} ms`, iface));
    }, timeoutMs);
    socket.on('connect', () => {
      connected = true;
      // end() writes then sends FIN; 'finish' means every byte reached the OS socket buffer.
      socket.end(bytes);
    });
    socket.on('finish', () => {
      // Every byte is with the OS now, so the job can no longer time out; give the printer a
      // moment to hang up cleanly, then close our side anyway.
      clearTimeout(timer);
      setTimeout(() => finish(), CLOSE_GRACE_MS).unref();
    });
    // Status bytes some printers send back are read and dropped: unread input at close would
    // make the kernel reset the connection and could discard the tail of the receipt.
    socket.on('data', () => undefined);
    socket.on('close', (hadError) => {
      if (!hadError) finish();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      const offline = !connected && OFFLINE_CODES.has(e.code ?? '');
      finish(new PrinterError(offline ? 'OFFLINE' : 'IO', `printer ${host}:${port}: ${e.code ?? e.message}`, iface, { cause: e }));
    });
  });
}

async function sendDevice(bytes: Buffer, iface: string, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PrinterError('TIMEOUT', `${iface} did not accept the receipt within ${timeoutMs} ms`, iface)), timeoutMs);
  });
  const write = async (): Promise<void> => {
    let handle;
    try {
      handle = await open(iface, 'w');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      throw new PrinterError(OFFLINE_CODES.has(code) ? 'OFFLINE' : 'IO', `${iface}: ${code || String(e)}`, iface, { cause: e });
    }
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
