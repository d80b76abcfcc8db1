import { BrowserWindow, session, type Session } from 'electron';
import { readWindowState, writeWindowState } from './window-state';

export interface WindowOptions {
  readonly preloadFile: string;
  /** app://edgeline/index.html of the built renderer, or the dev server URL under `electron-vite dev`. */
  readonly rendererUrl: string;
  readonly windowStateFile: string;
}

/**
 * The renderer's policy: no inline script or style, no eval, nothing from other origins. Written
 * out here (not imported) so electronegativity's CSP check can read it; same policy as
 * src-main/serve.ts. The app:// handler sends it with every file; onHeadersReceived below covers
 * anything else the session loads.
 */
export const RENDERER_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Hardens the session once: CSP on every response, every permission request (camera,
 * notifications, geolocation...) denied — the app needs none. Under `electron-vite dev` the
 * header is left off so the dev server's relaxed meta policy (React Fast Refresh) applies.
 */
export function hardenSession(options: { readonly devServer: boolean }, target: Session = session.defaultSession): void {
  target.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  if (options.devServer) return;
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CONTENT_SECURITY_POLICY] } });
  });
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const state = readWindowState(options.windowStateFile);
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Edgeline',
    backgroundColor: '#f8fafc',
    webPreferences: {
      preload: options.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would otherwise open links in a new window, outside the navigation guard.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const appOrigin = originOf(options.rendererUrl);
  // The app never navigates away from its page and never opens windows: the renderer has no external links.
  window.webContents.on('will-navigate', (event, url) => {
    if (originOf(url) !== appOrigin) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  window.on('close', () => {
    const bounds = window.getNormalBounds();
    writeWindowState(options.windowStateFile, { ...bounds, maximized: window.isMaximized() });
  });

  void window.loadURL(options.rendererUrl);
  return window;
}

/** Scheme and host (WHATWG URL reports the origin of app:// as "null", which would match any other custom scheme). */
function originOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}
