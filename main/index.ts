// The ONLY place that starts Electron: window, app lifecycle, the custom protocol that serves the
// renderer, and the IPC bridge to the same createApp() core the browser host and tests use.
import fs from 'node:fs';
import path from 'node:path';
import { app as electronApp, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { createApp, type App } from './app';
import { configFromEnv } from './config';
import { CSP } from './host/static';
import { startHost } from './host/server';
import { APP_ORIGIN, APP_SCHEME, secureWebPreferences } from './electron/window-security';
import { safeStorageProtector } from './electron/safe-storage';
import { seedDemo } from '../scripts/seed-demo';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const rendererDir = path.join(__dirname, '..', '..', 'dist');
const preloadFile = path.join(__dirname, '..', 'preload', 'index.js');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

let shahn: App | null = null;
const tokens = new Map<number, string>(); // webContents id -> session token

function serveRenderer() {
  protocol.handle(APP_SCHEME, async (req) => {
    const url = new URL(req.url);
    const file = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname)}`);
    const target = file.startsWith(rendererDir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(rendererDir, 'index.html');
    return new Response(await fs.promises.readFile(target), {
      headers: { 'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream', 'content-security-policy': CSP },
    });
  });
}

function createWindow() {
  const win = new BrowserWindow({ width: 1366, height: 800, title: 'Shahn', webPreferences: secureWebPreferences(preloadFile) });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e, url) => { if (!url.startsWith(APP_ORIGIN)) e.preventDefault(); });
  win.webContents.on('destroyed', () => tokens.delete(win.webContents.id));
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

electronApp.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

void electronApp.whenReady().then(async () => {
  const config = configFromEnv(process.env, process.env.SHAHN_DATA_DIR ? {} : { dataDir: electronApp.getPath('userData') });
  shahn = createApp(config, { keyProtector: safeStorageProtector() });
  if (process.env.SHAHN_SEED_DEMO === '1' && (shahn.db.read.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n === 0) {
    seedDemo(shahn.db.write);
  }
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  ipcMain.handle('shahn:invoke', async (event, channel: unknown, input: unknown) => {
    const id = event.sender.id;
    const result = await shahn!.call(String(channel), input, tokens.get(id));
    if (result.ok && channel === 'auth.login') tokens.set(id, (result.value as { token: string }).token);
    if (channel === 'auth.logout') tokens.delete(id);
    return result;
  });
  serveRenderer();
  if (process.env.SHAHN_SEED_DEMO === '1' && process.env.PORT) {
    const host = await startHost(shahn, { port: Number(process.env.PORT), staticDir: rendererDir });
    console.log(`Shahn demo: ${host.url}`);
  }
  createWindow();
});

electronApp.on('window-all-closed', () => {
  void shahn?.close().finally(() => electronApp.quit());
});
