import path from 'node:path';

/**
 * Which file of the built renderer a request may read, for both hosts: the desktop app's
 * `app://edgeline/...` protocol and the headless server's static files. Pure (no Electron), so
 * the traversal rules are unit-tested; the hosts only read the file this returns.
 */

/** The desktop renderer's origin: a privileged standard scheme rather than file:// (Electron's security checklist). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'edgeline';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
}

/** The file under `rootDir` for a decoded URL path ('/' is index.html), or null when it would leave the folder. */
export function rendererFileOf(rootDir: string, decodedPath: string): string | null {
  if (decodedPath.includes('\0') || decodedPath.includes('\\')) return null;
  const relative = decodedPath === '/' || decodedPath === '' ? 'index.html' : decodedPath.replace(/^\/+/, '');
  if (relative === '' || path.isAbsolute(relative)) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

/** The file an `app://edgeline/...` request names, or null for another host, bad encoding or traversal. */
export function rendererFileOfAppUrl(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // An encoded slash inside a segment ("..%2F..") is never a real file name of the build.
  if (/%2f|%5c/i.test(parsed.pathname)) return null;
  return rendererFileOf(rootDir, decoded);
}

/** Scheme and host: WHATWG URL gives custom schemes the origin "null", so it is built by hand. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export interface IpcSender {
  /** The event came from the app's own window (event.sender is its webContents). */
  readonly fromMainWindow: boolean;
  /** The sending frame is that window's top frame (event.senderFrame === webContents.mainFrame), not an iframe. */
  readonly isTopFrame: boolean;
  readonly frameUrl: string;
  /** The URL the window loaded: app://edgeline/index.html, or the dev server's under electron-vite dev. */
  readonly rendererUrl: string;
}

/** Only the app window's top frame, showing the app's own origin, may call the main process. */
export function isTrustedIpcSender(sender: IpcSender): boolean {
  const expected = originOf(sender.rendererUrl);
  return sender.fromMainWindow && sender.isTopFrame && expected !== null && originOf(sender.frameUrl) === expected;
}
