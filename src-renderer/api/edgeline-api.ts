import type { Channel, ChannelInput, ChannelOutput, MenuCommand, Result } from '../../src-main/ipc/renderer-contract';

/** What the renderer can ask the main process (Electron) or the headless server (HTTP). */
export interface EdgelineApi {
  readonly mode: 'desktop' | 'browser';
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Menu commands from the native menu (desktop only; browser mode never calls back). */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export type { MenuCommand };

/** The object preload.ts puts on window.api. */
export interface PreloadBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  onMenuCommand(listener: (command: string) => void): () => void;
}
