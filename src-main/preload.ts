import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES } from './ipc/channel-names';
import { MENU_CHANNEL } from './ipc/menu-command';

/**
 * The renderer's only door to the main process: `window.api.invoke(channel, input)` for the
 * contract channels and nothing else (no ipcRenderer, no Node). Bundled as CommonJS because a
 * sandboxed renderer cannot load an ES module preload.
 */
const allowed = new Set<string>(CHANNEL_NAMES);

contextBridge.exposeInMainWorld('api', {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!allowed.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `Unknown channel "${channel}"` } });
    }
    return ipcRenderer.invoke(channel, input);
  },
  onMenuCommand(listener: (command: string) => void): () => void {
    const handler = (_event: IpcRendererEvent, command: unknown): void => {
      if (typeof command === 'string') listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, handler);
  },
});
