// The Electron window's security decisions as pure functions (no 'electron' import), so each one
// is unit-tested without an Electron binary. harden.ts wires them to Electron's events.
import path from 'node:path';
import type { RpcError } from '../../preload/contract';
import { CSP } from '../host/static';

export const APP_SCHEME = 'shahn';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * True only for the app's own pages: shahn://app/... Compared after parsing, never with
 * startsWith (which would let "shahn://app.evil/" or "shahn://app@evil/" through).
 */
export function isAppUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === `${APP_SCHEME}:` && u.host.toLowerCase() === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** setWindowOpenHandler: no pop-ups, no new windows, ever (links to the web included). */
export const denyWindowOpen = () => ({ action: 'deny' as const });

/** will-navigate / will-redirect: the window never leaves the app's own pages. */
export const shouldBlockNavigation = (url: string) => !isAppUrl(url);

/** Permission requests (camera, microphone, geolocation, notifications, HID, serial…): all refused. */
export const permissionRequestHandler = (_wc: unknown, _permission: string, callback: (granted: boolean) => void) => callback(false);
export const permissionCheckHandler = () => false;

/**
 * Which requests a window may make at all: its own pages and inline data/blob images. The
 * renderer talks to main through IPC only, so http(s), ws and file URLs are cancelled even if a
 * bug or an injected string tried one (CSP already says the same; this is the second lock).
 */
export function isAllowedRequest(raw: string): boolean {
  if (isAppUrl(raw)) return true;
  return /^(data|blob|devtools):/i.test(raw);
}

/** IPC only from a frame showing the app's own page: a foreign frame gets FORBIDDEN. */
export function ipcSenderRefusal(frameUrl: string | undefined | null): RpcError | null {
  if (frameUrl && isAppUrl(frameUrl)) return null;
  return { code: 'FORBIDDEN', message: { en: 'This window may not call Shahn.', ar: 'هذه النافذة غير مسموح لها باستدعاء شحن.' } };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.json': 'application/json', '.ico': 'image/x-icon',
};

/**
 * The file the shahn:// protocol answers with: a file inside the renderer folder, else the
 * single-page app's index.html. Never anything outside the folder (../, encoded or not).
 */
export function rendererFile(rendererDir: string, requestUrl: string, exists: (file: string) => boolean): string {
  const base = path.resolve(rendererDir);
  const index = path.join(base, 'index.html');
  let pathname: string;
  try {
    const u = new URL(requestUrl);
    if (u.host.toLowerCase() !== APP_HOST) return index;
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return index;
  }
  const file = path.resolve(base, `.${path.posix.normalize(`/${pathname}`)}`);
  return file.startsWith(base + path.sep) && exists(file) ? file : index;
}

/** Headers of every renderer response: the same strict CSP as the browser host. */
export function rendererHeaders(file: string): Record<string, string> {
  return {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}
