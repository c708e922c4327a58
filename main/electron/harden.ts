// Applies policy.ts to Electron objects. Typed structurally (only the methods used) so the unit
// test drives it with small fakes instead of an Electron binary; Electron's real objects fit.
import { denyWindowOpen, isAllowedRequest, permissionCheckHandler, permissionRequestHandler, shouldBlockNavigation } from './policy';

interface PreventableEvent { preventDefault(): void }

export interface WebContentsLike {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (e: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: PreventableEvent) => void): unknown;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: typeof permissionRequestHandler): void;
  setPermissionCheckHandler(handler: typeof permissionCheckHandler): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** Every web contents (the window, and anything a bug might create): no pop-ups, no leaving the app, no webviews. */
export function hardenWebContents(contents: WebContentsLike): void {
  contents.setWindowOpenHandler(denyWindowOpen);
  const guard = (e: PreventableEvent, url: string) => {
    if (shouldBlockNavigation(url)) e.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (e) => e.preventDefault());
}

/** The window's session: every permission refused, every request outside the app cancelled. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler(permissionRequestHandler);
  session.setPermissionCheckHandler(permissionCheckHandler);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}
