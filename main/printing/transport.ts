// Delivering receipt bytes. Kept apart from rendering so a failed print never touches the sale:
// the caller renders once, tries to send, and records the PrinterError if any.
import net from 'node:net';
import { acceptedAddresses, parsePrinterAddress } from './address';
import { sendToDevice } from './device';
import { PrinterError } from './errors';
import { sendSpooler } from './spooler';

/** When the printer does not close its side after our FIN, how long to wait before we close ours. */
const CLOSE_GRACE_MS = 1000;

const OFFLINE_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** DLE EOT 4: "transmit roll paper sensor status", a real-time command even a stopped printer answers. */
export const PAPER_STATUS_REQUEST = Buffer.from([0x10, 0x04, 0x04]);
/** Bits 5 and 6 of the answer: the paper has run out. */
const PAPER_END = 0x60;
/** A printer that has not answered the status request by then probably never will (not every model does). */
const STATUS_WAIT_MS = 500;

export interface SendOptions {
  /** ESC/POS over TCP only: ask for paper status first and refuse to send into an empty printer. */
  checkPaper?: boolean;
}

/**
 * iface: "tcp://host[:port]" (raw port 9100), "printer:NAME" (a printer installed in the OS: CUPS
 * on Linux/macOS, see spooler.ts), or a printer device (address.ts: /dev/usb/lp0 ... on Linux,
 * COM3 or \\host\printer on Windows). Checked again here, at the moment of sending, whatever the
 * settings screen let through: an address that is not a printer is refused before anything is opened.
 */
export async function sendToPrinter(bytes: Buffer, iface: string, timeoutMs: number, opts: SendOptions = {}): Promise<void> {
  const a = parsePrinterAddress(iface, process.platform);
  if (!a) throw new PrinterError('UNSUPPORTED', `"${iface}" is not a printer address (accepted: ${acceptedAddresses(process.platform)})`, iface);
  switch (a.kind) {
    case 'tcp': return sendTcp(bytes, iface, a.host, a.port, timeoutMs, opts.checkPaper === true);
    case 'spooler': return sendSpooler(bytes, iface, a.name, timeoutMs);
    case 'device': return sendToDevice(bytes, a.path, timeoutMs, iface, a.share);
  }
}

function sendTcp(bytes: Buffer, iface: string, host: string, port: number, timeoutMs: number, checkPaper: boolean): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let connected = false;
    let settled = false;
    let sent = false;
    let statusTimer: NodeJS.Timeout | undefined;
    const socket = net.connect({ host, port });
    const finish = (err?: PrinterError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(statusTimer);
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
    // end() writes then sends FIN; 'finish' means every byte reached the OS socket buffer.
    const send = (): void => {
      clearTimeout(statusTimer);
      if (sent || settled) return;
      sent = true;
      socket.end(bytes);
    };
    socket.on('connect', () => {
      connected = true;
      if (!checkPaper) return send();
      // Paper first, on the same connection (a second connection would be a second job to some
      // print servers). A receipt sent into an empty printer is half-printed or lost.
      socket.write(PAPER_STATUS_REQUEST);
      statusTimer = setTimeout(send, Math.min(STATUS_WAIT_MS, timeoutMs / 2));
    });
    socket.on('finish', () => {
      // Every byte is with the OS now, so the job can no longer time out; give the printer a
      // moment to hang up cleanly, then close our side anyway.
      clearTimeout(timer);
      setTimeout(() => finish(), CLOSE_GRACE_MS).unref();
    });
    // The first byte back answers our paper query; anything later (status bytes some printers
    // send) is read and dropped: unread input at close would make the kernel reset the
    // connection and could discard the tail of the receipt.
    socket.on('data', (chunk: Buffer) => {
      if (!checkPaper || sent) return;
      if (((chunk[0] ?? 0) & PAPER_END) !== 0) {
        clearTimeout(statusTimer);
        finish(new PrinterError('PAPER_OUT', `printer ${host}:${port} reports no paper`, iface));
      } else {
        send();
      }
    });
    socket.on('close', (hadError) => {
      // Hung up before we sent the receipt (while we waited for the paper answer): nothing printed.
      if (!sent) finish(new PrinterError('IO', `printer ${host}:${port} closed the connection before the receipt was sent`, iface));
      else if (!hadError) finish();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      const offline = !connected && OFFLINE_CODES.has(e.code ?? '');
      finish(new PrinterError(offline ? 'OFFLINE' : 'IO', `printer ${host}:${port}: ${e.code ?? e.message}`, iface, { cause: e }));
    });
  });
}
