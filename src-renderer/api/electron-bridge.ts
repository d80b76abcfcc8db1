import type { Result } from '../../src-main/ipc/renderer-contract';
import type { EdgelineApi, MenuCommand, PreloadBridge } from './edgeline-api';

const MENU_COMMANDS: readonly MenuCommand[] = ['import-files', 'download-seasons', 'export-slips'];

export function createElectronBridge(bridge: PreloadBridge): EdgelineApi {
  return {
    mode: 'desktop',
    async invoke(channel, input) {
      return (await bridge.invoke(channel, input ?? {})) as Result<never>;
    },
    onMenuCommand(listener) {
      return bridge.onMenuCommand((command) => {
        const known = MENU_COMMANDS.find((c) => c === command);
        if (known !== undefined) listener(known);
      });
    },
  };
}
