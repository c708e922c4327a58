// The counter's master key: 32 random bytes that seal the vending keys (AES-256-GCM, store.ts).
// It lives in <dataDir>/keys/ and is protected by a KeyProtector: in the browser host and tests
// the file itself is the protection (mode 0600 in a 0700 folder, readable by its owner only);
// under Electron the bytes are additionally wrapped by the OS keychain (main/electron/safe-storage).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface KeyProtector {
  /** 'file' stores the raw key in an owner-only file; anything else wraps it. */
  readonly kind: string;
  wrap(key: Buffer): Buffer;
  unwrap(blob: Buffer): Buffer;
}

export const fileProtector: KeyProtector = { kind: 'file', wrap: (k) => Buffer.from(k), unwrap: (b) => Buffer.from(b) };

const RAW = 'master.key';
const wrappedName = (p: KeyProtector) => `master.key.${p.kind}`;

function writeOwnerOnly(file: string, bytes: Buffer): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, bytes, { mode: 0o600, flag: 'w' });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file); // atomic: a crash leaves the old file or the new one, never half a key
}

/** Loads the master key, creating it on first use. A raw key found by a wrapping protector is adopted. */
export function loadMasterKey(dataDir: string, protector: KeyProtector = fileProtector): Buffer {
  const dir = path.join(dataDir, 'keys');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const raw = path.join(dir, RAW);
  if (protector.kind === 'file') {
    if (fs.existsSync(raw)) {
      if (process.platform !== 'win32' && (fs.statSync(raw).mode & 0o077) !== 0) fs.chmodSync(raw, 0o600);
      return readKey(raw, (b) => b);
    }
    const key = randomBytes(32);
    writeOwnerOnly(raw, key);
    return key;
  }
  const wrapped = path.join(dir, wrappedName(protector));
  if (fs.existsSync(wrapped)) return readKey(wrapped, (b) => protector.unwrap(b));
  // A key made before this protector was available (e.g. the demo seed): wrap it, then remove the raw copy.
  const key = fs.existsSync(raw) ? readKey(raw, (b) => b) : randomBytes(32);
  writeOwnerOnly(wrapped, protector.wrap(key));
  if (fs.existsSync(raw)) fs.rmSync(raw);
  return key;
}

function readKey(file: string, open: (b: Buffer) => Buffer): Buffer {
  const key = open(fs.readFileSync(file));
  if (key.length !== 32) throw new Error(`the master key file ${path.basename(file)} is damaged (restore the keys folder from a backup)`);
  return key;
}
