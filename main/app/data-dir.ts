// Where a counter keeps its data when SHAHN_DATA_DIR does not say: the operating system's
// application-data folder, exactly where Electron puts `userData` for an app named Shahn. So the
// desktop app (`npm start`, the installers) and the browser host (`npm run serve`) on one machine
// open the same database, whichever of them the utility runs.
//   Windows  %APPDATA%\Shahn                        (Roaming; Electron's appData)
//   macOS    ~/Library/Application Support/Shahn
//   Linux    $XDG_CONFIG_HOME/Shahn, or ~/.config/Shahn
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Shahn';

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const p = platform === 'win32' ? path.win32 : path.posix;
  if (platform === 'win32') return p.join(env.APPDATA || p.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return p.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return p.join(env.XDG_CONFIG_HOME || p.join(home, '.config'), PRODUCT_NAME);
}
