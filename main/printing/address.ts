// What a printer address may be: a network printer, a printer installed in the OS, or a
// device node where printers live. Anything else would let whoever configures the printer make
// Shahn write receipt bytes over a file of their choosing: the database, the master key, a script.
// So a device path is matched whole against a short list of printer devices; nothing is
// normalised first (a "/dev/../etc/passwd" or "/dev/usb/lp0/../../x" simply does not match), and
// Windows and POSIX spellings are only accepted on their own platform ("COM3" on Linux would be a
// file in the working folder). Pure: the checks that need the file system are in device.ts.

export type PrinterAddress =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'spooler'; name: string }
  /** path: what to open (COM3 is opened as \\.\COM3, so it can never mean a file in the working folder). */
  | { kind: 'device'; path: string; share: boolean };

const TCP = /^tcp:\/\/([^/:\s[\]]+|\[[^\]\s]+\])(?::(\d{1,5}))?\/?$/i;
const SPOOLER = /^printer:(\S.*)$/i;

// Linux: USB printer class (usblp: /dev/usb/lp0), parallel ports (/dev/lp0), USB-serial adapters
// and CDC-ACM printers (/dev/ttyUSB0, /dev/ttyACM0), on-board serial ports (/dev/ttyS0).
const POSIX_DEVICE = /^\/dev\/(?:usb\/lp|lp|tty(?:USB|ACM|S))\d{1,3}$/;
// Windows: serial and parallel ports, bare (COM3) or in the device namespace (\\.\COM3). Nothing
// else from \\.\ (that namespace also holds \\.\PhysicalDrive0 and \\.\C:).
const WIN_PORT = /^(?:\\\\\.\\)?((?:COM|LPT)[1-9]\d{0,2})$/i;
// Windows: a shared printer, \\host\share: exactly two parts, so never a file inside a share; no
// "$" (administrative shares such as C$), no "." or "?" host (the device and long-path prefixes).
const WIN_SHARE = /^\\\\[A-Za-z0-9][A-Za-z0-9.-]{0,252}\\[^\\/:*?"<>|$.\s][^\\/:*?"<>|$]{0,79}$/;

export function parsePrinterAddress(s: string, platform: NodeJS.Platform): PrinterAddress | null {
  const tcp = TCP.exec(s);
  if (tcp) {
    const port = Number(tcp[2] ?? 9100);
    return port >= 1 && port <= 65535 ? { kind: 'tcp', host: tcp[1]!.replace(/^\[|\]$/g, ''), port } : null;
  }
  const spooled = SPOOLER.exec(s);
  if (spooled) return { kind: 'spooler', name: spooled[1]!.trim() };
  if (platform === 'win32') {
    const port = WIN_PORT.exec(s);
    if (port) return { kind: 'device', path: `\\\\.\\${port[1]!.toUpperCase()}`, share: false };
    return WIN_SHARE.test(s) ? { kind: 'device', path: s, share: true } : null;
  }
  return POSIX_DEVICE.test(s) ? { kind: 'device', path: s, share: false } : null;
}

export function isPrinterAddress(s: string, platform: NodeJS.Platform = process.platform): boolean {
  return parsePrinterAddress(s, platform) !== null;
}

/** What is accepted, for messages and logs (English; the settings rules phrase it bilingually). */
export function acceptedAddresses(platform: NodeJS.Platform): string {
  const devices = platform === 'win32' ? 'a port such as COM3 or \\\\.\\COM3, or a shared printer such as \\\\server\\printer' : 'a printer device: /dev/usb/lp0, /dev/lp0, /dev/ttyUSB0, /dev/ttyACM0 or /dev/ttyS0';
  return `tcp://host:9100, printer:NAME or ${devices}; never a file`;
}
