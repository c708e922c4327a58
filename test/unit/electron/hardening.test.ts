// Each Electron security setting, checked without an Electron binary: the window's options, the
// handlers main/index.ts installs (driven through small fakes of WebContents and Session), the
// custom protocol's file resolution and headers, and the IPC sender check.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hardenSession, hardenWebContents, type SessionLike, type WebContentsLike } from '../../../main/electron/harden';
import { APP_ORIGIN, ipcSenderRefusal, isAllowedRequest, isAppUrl, rendererFile, rendererHeaders, shouldBlockNavigation } from '../../../main/electron/policy';
import { APP_SCHEME_PRIVILEGES, secureWebPreferences } from '../../../main/electron/window-security';
import { ERROR_CODES } from '../../../preload/contract';

type Listener = (...args: unknown[]) => void;
function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = {
    setWindowOpenHandler: (h: typeof openHandler) => { openHandler = h; },
    on: (ev: string, l: Listener) => { listeners.set(ev, [...(listeners.get(ev) ?? []), l]); return contents; },
  };
  /** Fires an event like Electron does; true when some listener called preventDefault(). */
  const emit = (ev: string, ...args: unknown[]) => {
    let prevented = false;
    for (const l of listeners.get(ev) ?? []) l({ preventDefault: () => { prevented = true; } }, ...args);
    return prevented;
  };
  hardenWebContents(contents as unknown as WebContentsLike);
  return { emit, open: (url: string) => openHandler!({ url }), listeners };
}

function fakeSession() {
  const s = {
    request: null as null | ((wc: unknown, p: string, cb: (g: boolean) => void) => void),
    check: null as null | (() => boolean),
    before: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  };
  hardenSession({
    setPermissionRequestHandler: (h) => { s.request = h; },
    setPermissionCheckHandler: (h) => { s.check = h; },
    webRequest: { onBeforeRequest: (l) => { s.before = l; } },
  } as SessionLike);
  return s;
}

describe('Electron window options', () => {
  const p = secureWebPreferences('/x/preload.js');
  it.each([
    ['contextIsolation', true], ['sandbox', true], ['nodeIntegration', false], ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false], ['webSecurity', true], ['allowRunningInsecureContent', false], ['webviewTag', false],
    ['experimentalFeatures', false], ['navigateOnDragDrop', false],
  ] as const)('%s is %s', (key, value) => {
    expect(p[key]).toBe(value);
  });
  it('loads only our preload (the one bridge) and the renderer from the custom protocol', () => {
    expect(p.preload).toBe('/x/preload.js');
    expect(APP_ORIGIN).toBe('shahn://app');
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ secure: true, standard: true, bypassCSP: false });
    const src = fs.readFileSync(path.join(__dirname, '../../../main/index.ts'), 'utf8');
    expect(src).toContain('loadURL(`${APP_ORIGIN}/index.html`)');
    expect(src).not.toMatch(/loadURL\((['"`])https?:/);
    expect(src).toContain('enableSandbox()');
    expect(src).toContain("on('web-contents-created'");
  });
});

describe('navigation and new windows', () => {
  it('denies every new window, whatever the URL', () => {
    const c = fakeContents();
    for (const url of ['https://example.com', `${APP_ORIGIN}/index.html`, 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(c.open(url)).toEqual({ action: 'deny' });
    }
  });
  it('blocks navigation and redirects away from the app, allows the app itself', () => {
    const c = fakeContents();
    for (const ev of ['will-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'http://127.0.0.1:5180/', 'file:///C:/Windows/', 'shahn://app.evil/', 'shahn://app@evil/', 'shahn://evil/', 'data:text/html,<script>1</script>', 'not a url']) {
        expect(c.emit(ev, url), `${ev} ${url}`).toBe(true);
      }
      expect(c.emit(ev, `${APP_ORIGIN}/index.html`)).toBe(false);
    }
  });
  it('refuses to attach a <webview>', () => {
    expect(fakeContents().emit('will-attach-webview')).toBe(true);
  });
  it('parses URLs instead of comparing prefixes', () => {
    expect(isAppUrl('shahn://app/x.js')).toBe(true);
    expect(isAppUrl('shahn://application/')).toBe(false);
    expect(isAppUrl('shahn://app:80@evil/')).toBe(false);
    expect(shouldBlockNavigation('SHAHN://APP/index.html')).toBe(false); // the scheme and host are case-insensitive
  });
});

describe('session: permissions and requests', () => {
  it('refuses every permission request and check', () => {
    const s = fakeSession();
    for (const perm of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'usb', 'openExternal']) {
      let granted: boolean | null = null;
      s.request!(null, perm, (g) => { granted = g; });
      expect(granted, perm).toBe(false);
    }
    expect(s.check!()).toBe(false);
  });
  it('cancels every request that is not the app itself (or an inline image)', () => {
    const s = fakeSession();
    const cancel = (url: string) => { let r: boolean | null = null; s.before!({ url }, (x) => { r = x.cancel; }); return r; };
    expect(cancel(`${APP_ORIGIN}/assets/index.js`)).toBe(false);
    expect(cancel('data:image/png;base64,AAAA')).toBe(false);
    for (const url of ['https://cdn.example/x.js', 'http://127.0.0.1:9100/', 'ws://127.0.0.1/', 'file:///etc/passwd', 'ftp://x/']) expect(cancel(url), url).toBe(true);
    expect(isAllowedRequest('shahn://other/x')).toBe(false);
  });
});

describe('custom protocol', () => {
  const dir = path.resolve('/srv/shahn/dist');
  const exists = (f: string) => [path.join(dir, 'index.html'), path.join(dir, 'assets', 'a.js')].includes(f);
  it('serves files of the renderer folder, index.html for anything else, never outside it', () => {
    expect(rendererFile(dir, `${APP_ORIGIN}/assets/a.js`, exists)).toBe(path.join(dir, 'assets', 'a.js'));
    expect(rendererFile(dir, `${APP_ORIGIN}/sell/123`, exists)).toBe(path.join(dir, 'index.html'));
    for (const evil of [`${APP_ORIGIN}/../../etc/passwd`, `${APP_ORIGIN}/..%2f..%2fetc%2fpasswd`, `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`, `${APP_ORIGIN}/%E0%A4%A`, 'shahn://evil/assets/a.js']) {
      const f = rendererFile(dir, evil, () => true);
      expect(f.startsWith(dir + path.sep), evil).toBe(true);
    }
  });
  it('answers with the strict CSP on every file', () => {
    const h = rendererHeaders('/x/index.html');
    expect(h['content-security-policy']).toContain("default-src 'self'");
    expect(h['content-security-policy']).toContain("object-src 'none'");
    expect(h['content-security-policy']).not.toMatch(/unsafe-(inline|eval)/);
    expect(h['x-content-type-options']).toBe('nosniff');
  });
});

describe('IPC', () => {
  it('accepts calls only from a frame showing the app', () => {
    expect(ipcSenderRefusal(`${APP_ORIGIN}/index.html`)).toBeNull();
    for (const url of ['https://evil.example/', 'file:///x.html', '', null, undefined, 'shahn://app.evil/']) {
      const r = ipcSenderRefusal(url);
      expect(r?.code).toBe('FORBIDDEN');
      expect(ERROR_CODES).toContain(r!.code);
      expect(r!.message.ar).toMatch(/[\u0600-\u06FF]/);
    }
  });
});
