/** Native menu commands the main process forwards to the renderer on MENU_CHANNEL. */
export const MENU_CHANNEL = 'menu:command';

export type MenuCommand = 'import-files' | 'download-seasons' | 'export-slips';
