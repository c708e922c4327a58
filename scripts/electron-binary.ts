// The path of the Electron binary, or null when the electron package's download never happened
// (machines without access to its release host): then Shahn runs in the browser host instead.
import fs from 'node:fs';

export function electronBinary(): string | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bin = require('electron') as unknown;
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}
