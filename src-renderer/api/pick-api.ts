import type { EdgelineApi, PreloadBridge } from './edgeline-api';
import { createElectronBridge } from './electron-bridge';
import { createHttpBridge, takeToken } from './http-bridge';

/** Electron's preload puts `api` on window; without it we are a page served by `npm run serve`. */
export function pickApi(): EdgelineApi {
  const bridge = (window as unknown as { api?: PreloadBridge }).api;
  if (bridge !== undefined) return createElectronBridge(bridge);
  return createHttpBridge(takeToken(window.location, window.sessionStorage, window.history));
}
