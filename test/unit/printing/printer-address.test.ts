// A printer address is a printer (issue 12, item 8): a network printer, a printer installed in the
// OS, or a device node where printers live; never a path a supervisor could aim at the database,
// the master key or any other regular file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPrinterAddress } from '../../../main/printing/settings-rules';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-addr-'));
const regular = path.join(tmp, 'shahn.sqlite');
fs.writeFileSync(regular, 'not a printer');
const link = path.join(tmp, 'lp0');
fs.symlinkSync(regular, link);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('printer addresses on Linux', () => {
  it.each([
    'tcp://192.168.1.50:9100', 'tcp://printer.local', 'tcp://[fe80::1]:9100', 'printer:EPSON TM-T20',
    '/dev/usb/lp0', '/dev/usb/lp12', '/dev/lp0', '/dev/ttyUSB0', '/dev/ttyACM1', '/dev/ttyS3',
  ])('accepts %s', (a) => {
    expect(isPrinterAddress(a, 'linux')).toBe(true);
  });

  it.each([
    'lp0', 'tcp://', 'tcp://host:99999', 'http://host:9100', 'printer:', 'usb',
    // regular files: the database, the master key, anything under the app's folders
    '/work/main/data/shahn.sqlite', '/work/wt-a/keys/master.key', '/etc/passwd', '/tmp/lp0', regular,
    // a symlink with a printer-like name in a temp folder, pointing at a regular file
    link,
    // ../ tricks and spellings that only look like a device
    '/dev/../etc/passwd', '/dev/usb/../../etc/passwd', '/dev/usb/lp0/../../../etc/shadow', '/dev/./lp0',
    '/dev//lp0', '/dev/usb/lp0/', '/dev/usb/lp', '/dev/lp0x', '/dev/lp0\n', '../dev/usb/lp0', 'dev/usb/lp0',
    'file:///dev/usb/lp0',
    // devices that are not printers
    '/dev/sda', '/dev/mem', '/dev/null', '/dev/tty', '/dev/pts/0', '/dev/stdout',
    // Windows spellings mean nothing here ("COM3" would be a file in the working folder)
    'COM3', '\\\\.\\COM3', '\\\\server\\printer', 'C:\\spool\\lp',
  ])('refuses %j', (a) => {
    expect(isPrinterAddress(a, 'linux')).toBe(false);
  });
});

describe('printer addresses on Windows', () => {
  it.each(['COM3', 'com10', 'LPT1', '\\\\.\\COM3', '\\\\.\\LPT2', '\\\\printserver\\Receipt', '\\\\10.0.0.7\\TM-T20', 'tcp://10.0.0.5:9100', 'printer:TM-T20'])('accepts %j', (a) => {
    expect(isPrinterAddress(a, 'win32')).toBe(true);
  });

  it.each([
    'C:\\spool\\lp', 'C:\\Users\\cashier\\AppData\\Roaming\\Shahn\\shahn.sqlite', 'C:\\ProgramData\\Shahn\\keys\\master.key',
    '\\\\.\\PhysicalDrive0', '\\\\.\\C:', '\\\\?\\C:\\shahn.sqlite', '\\\\.\\COM3\\..\\..\\C:\\x', '\\\\.\\pipe\\x',
    '\\\\server\\share\\shahn.sqlite', '\\\\server\\C$', '\\\\server\\share\\', '\\\\.\\COM0', 'COM3:', 'COM3.txt', 'CON', 'NUL',
    '/dev/usb/lp0', '.\\COM3',
  ])('refuses %j', (a) => {
    expect(isPrinterAddress(a, 'win32')).toBe(false);
  });
});
