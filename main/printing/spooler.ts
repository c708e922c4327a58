// printer:NAME — a printer installed in the operating system. On Linux and macOS the bytes go to
// CUPS as a raw job (`lp -d NAME -o raw`), so the ESC/POS stream reaches the printer untouched
// and the OS driver can be any USB/serial/network one. Windows' spooler needs a native module
// this build does not ship: there, a network (tcp://) or device address is the way.
import { spawn } from 'node:child_process';
import { PrinterError } from './errors';

/** SHAHN_LP_COMMAND: another `lp` (a full path on unusual installs; tests use a stand-in). */
const lpCommand = () => process.env.SHAHN_LP_COMMAND || 'lp';

export function sendSpooler(bytes: Buffer, iface: string, name: string, timeoutMs: number): Promise<void> {
  if (process.platform === 'win32') {
    return Promise.reject(new PrinterError('UNSUPPORTED', `"${iface}": printing through the Windows spooler is not supported by this build; use tcp://host:9100, a port such as COM3 or a shared printer such as \\\\server\\printer`, iface));
  }
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let stderr = '';
    const child = spawn(lpCommand(), ['-d', name, '-o', 'raw'], { stdio: ['pipe', 'ignore', 'pipe'] });
    const finish = (err?: PrinterError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve();
    };
    const timer = setTimeout(() => {
      child.kill();
      finish(new PrinterError('TIMEOUT', `${lpCommand()} did not take the receipt within ${timeoutMs} ms`, iface));
    }, timeoutMs);
    child.stderr.on('data', (c: Buffer) => void (stderr += c.toString()));
    child.on('error', (e: NodeJS.ErrnoException) => {
      finish(e.code === 'ENOENT'
        ? new PrinterError('UNSUPPORTED', `"${iface}": printing through the OS spooler is not supported on this machine (no CUPS "lp" command); use tcp://host:9100 or a device path such as /dev/usb/lp0`, iface, { cause: e })
        : new PrinterError('IO', `${lpCommand()}: ${e.message}`, iface, { cause: e }));
    });
    child.on('close', (code) => {
      if (code === 0) return finish();
      const why = stderr.trim() || `exit code ${code}`;
      // An unknown destination is a settings mistake (retrying will not help); a stopped queue is like a printer switched off.
      const kind = /does not exist|unknown destination|no such/i.test(why) ? 'UNSUPPORTED' : /not accepting|disabled|paused|stopped/i.test(why) ? 'OFFLINE' : 'IO';
      finish(new PrinterError(kind, `${lpCommand()} -d ${name}: ${why}`, iface));
    });
    child.stdin.on('error', () => undefined); // lp exiting early: its exit code tells why
    child.stdin.end(bytes);
  });
}
