import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../main/electron/window-security';
import { CSP } from '../../../main/host/static';

describe('Electron window security', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, no webview', () => {
    const p = secureWebPreferences('/x/preload.js');
    expect(p).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
  });
  it('serves the renderer under a strict Content-Security-Policy', () => {
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(CSP).not.toMatch(/script-src[^;]*unsafe/);
  });
});
