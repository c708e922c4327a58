// The folder Shahn runs from — the one holding its package.json (and dist/, the built renderer):
// the repository when run from source or from build/, the app.asar root when packaged. Found by
// walking up from this file, because the compiled main sits one level deeper (build/main) than
// the source (main/).
import fs from 'node:fs';
import path from 'node:path';

export interface AppPackage { name: string; version: string; productName?: string }

let found: { root: string; pkg: AppPackage } | null = null;

function locate(): { root: string; pkg: AppPackage } {
  if (found) return found;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<AppPackage>;
      if (pkg.name === 'shahn' && typeof pkg.version === 'string') return (found = { root: dir, pkg: pkg as AppPackage });
    }
    if (path.dirname(dir) === dir) throw new Error(`Shahn's package.json was not found above ${__dirname}`);
  }
}

export const appRoot = (): string => locate().root;
/** The version users see (login screen, app.info, receipts of support): package.json's. */
export const appVersion = (): string => locate().pkg.version;
