import { app, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from './ipc/menu-command';

/** File / View / Help. File commands are forwarded to the renderer, which owns the screens and dialogs' follow-up. */
export function buildAppMenu(getWindow: () => BrowserWindow | null): Menu {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(MENU_CHANNEL, command);
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Import files…', accelerator: 'CmdOrCtrl+O', click: send('import-files') },
        { label: 'Download seasons…', accelerator: 'CmdOrCtrl+D', click: send('download-seasons') },
        { label: 'Export bet slips…', accelerator: 'CmdOrCtrl+E', click: send('export-slips') },
        { type: 'separator' },
        { role: 'quit', label: 'Quit' },
      ],
    },
    {
      label: 'View',
      submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    {
      label: 'Help',
      submenu: [
        { label: 'football-data.co.uk (data source)', click: () => void shell.openExternal('https://www.football-data.co.uk/data.php') },
        { label: `About Edgeline ${app.getVersion()}`, role: 'about' },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
