// Settings every Shahn window runs with; kept in one place so a test can check each of them.
import type { BrowserWindowConstructorOptions } from 'electron';

export const APP_SCHEME = 'shahn';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

export function secureWebPreferences(preload: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}
