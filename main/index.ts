// The ONLY place that starts Electron: window, app lifecycle, the custom protocol that serves the
// renderer, and the IPC bridge to the same createApp() core the browser host and tests use.
// Every security decision lives in main/electron/policy.ts (pure, unit-tested); this file only
// wires it: sandbox for every renderer, hardened web contents and session, IPC from our page only.
import fs from 'node:fs';
import path from 'node:path';
import { app as electronApp, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { createApp, type App } from './app/create-app';
import { configFromEnv } from './app/config';
import { hardenSession, hardenWebContents } from './electron/harden';
import { ipcSenderRefusal, rendererFile, rendererHeaders } from './electron/policy';
import { safeStorageProtector } from './electron/safe-storage';
import { APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, secureWebPreferences } from './electron/window-security';

electronApp.enableSandbox(); // every renderer sandboxed, whatever a window's own options say
// A second launch (a double click on the icon) focuses the running window instead of opening a
// second Shahn on the same database.
if (!electronApp.requestSingleInstanceLock()) electronApp.quit();
electronApp.on('second-instance', () => {
  const win = BrowserWindow.getAllWindows()[0];
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

const rendererDir = path.join(__dirname, '..', '..', 'dist');
const preloadFile = path.join(__dirname, '..', 'preload', 'index.js');
// The window's own icon (Linux, Windows taskbar before install); installers use build-resources/.
const iconFile = path.join(__dirname, '..', '..', 'assets', 'icon.png');

let shahn: App | null = null;
const tokens = new Map<number, string>(); // webContents id -> session token

function serveRenderer() {
  const isFile = (f: string) => fs.existsSync(f) && fs.statSync(f).isFile();
  protocol.handle(APP_SCHEME, async (req) => {
    const file = rendererFile(rendererDir, req.url, isFile);
    return new Response(await fs.promises.readFile(file), { headers: rendererHeaders(file) });
  });
}

function createWindow() {
  const win = new BrowserWindow({ width: 1366, height: 800, title: 'Shahn', icon: iconFile, webPreferences: secureWebPreferences(preloadFile) });
  const id = win.webContents.id;
  win.webContents.on('destroyed', () => tokens.delete(id));
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

// Applies to every web contents, the main window's included, before it loads anything.
electronApp.on('web-contents-created', (_e, contents) => hardenWebContents(contents));

void electronApp.whenReady().then(() => {
  const config = configFromEnv(process.env, process.env.SHAHN_DATA_DIR ? {} : { dataDir: electronApp.getPath('userData') });
  // Vending keys' master key wrapped by the OS keychain where there is one (main/keys).
  // No demo code in the shipped app: `npm run demo` seeds its data folder before starting us.
  shahn = createApp(config, { keyProtector: safeStorageProtector() });
  hardenSession(session.defaultSession);
  ipcMain.handle('shahn:invoke', async (event, channel: unknown, input: unknown) => {
    const refused = ipcSenderRefusal(event.senderFrame?.url);
    if (refused) return { ok: false, error: refused };
    const id = event.sender.id;
    const result = await shahn!.call(String(channel), input, tokens.get(id));
    if (result.ok && channel === 'auth.login') tokens.set(id, (result.value as { token: string }).token);
    if (channel === 'auth.logout') tokens.delete(id);
    return result;
  });
  serveRenderer();
  createWindow();
});

electronApp.on('window-all-closed', () => {
  void shahn?.close().finally(() => electronApp.quit());
});
