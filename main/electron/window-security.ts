// Settings every Shahn window runs with; kept in one place so a test can check each of them.
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from './policy';

export { APP_ORIGIN, APP_SCHEME };

/** The privileges of the shahn:// scheme: a secure, standard origin; nothing that bypasses CSP. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false, corsEnabled: false, allowServiceWorkers: false } as const;

export function secureWebPreferences(preload: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}
