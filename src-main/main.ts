import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, shell } from 'electron';
import { createEdgelineService } from './app/edgeline-service-impl';
import { CHANNELS } from './ipc/contract';
import { dispatch, registerHandlers, type DesktopHost } from './ipc/register';
import { fail } from './ipc/result';
import { JobRunner } from './jobs/job-runner';
import type { EdgelineTask } from './jobs/edgeline-task';
import type { EdgelineWorkerData } from './jobs/edgeline-job-worker';
import { buildAppMenu } from './app-menu';
import { electronAlertNotifier } from './app/electron-alert-notifier';
import { createMainWindow, hardenSession, RENDERER_CONTENT_SECURITY_POLICY } from './window';
import { APP_ORIGIN, APP_SCHEME, contentTypeOf, isTrustedIpcSender, rendererFileOfAppUrl } from './renderer-files';

/**
 * Composition root of the desktop app: open the ledger in userData, start the job worker,
 * register the contract's handlers on ipcMain, open the hardened window. Nothing else lives here.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
let mainWindow: BrowserWindow | null = null;

// Tests (and anyone keeping several profiles) can isolate window state and the default ledger.
if (process.env.EDGELINE_USER_DATA !== undefined) app.setPath('userData', process.env.EDGELINE_USER_DATA);

// The renderer is served from app://edgeline, not file:// (which would give the page every local
// file's origin). Standard + secure so it has a real origin, fetch and CSP like https.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** Answers app:// requests with files of the built renderer only, each with the strict CSP. */
function serveRendererProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileOfAppUrl(rendererDir, request.url);
    const body = file === null ? null : await readFile(file).catch(() => null);
    if (file === null || body === null) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    return new Response(body, {
      headers: { 'content-type': contentTypeOf(file), 'content-security-policy': RENDERER_CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
    });
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const userData = app.getPath('userData');
  mkdirSync(userData, { recursive: true });
  const databaseFile = process.env.EDGELINE_DB ?? path.join(userData, 'edgeline.sqlite');
  const dataBaseUrl = process.env.EDGELINE_DATA_URL;

  const service = createEdgelineService({ databaseFile, dataBaseUrl });
  const workerData: EdgelineWorkerData = { databaseFile, dataBaseUrl };
  const jobs = new JobRunner<EdgelineTask>({ workerUrl: pathToFileURL(path.join(here, 'job-worker.js')), workerData });

  const desktop: DesktopHost = {
    async chooseImportPaths(kind) {
      const options =
        kind === 'folder'
          ? { title: 'Import a folder of football-data CSV files', properties: ['openDirectory' as const] }
          : { title: 'Import football-data CSV files', properties: ['openFile' as const, 'multiSelections' as const], filters: [{ name: 'CSV', extensions: ['csv'] }] };
      const chosen = mainWindow === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(mainWindow, options);
      return chosen.canceled ? null : chosen.filePaths;
    },
    async saveTextFile(suggestedName, text) {
      const options = { title: 'Export bet slips', defaultPath: path.join(app.getPath('documents'), suggestedName), filters: [{ name: 'CSV', extensions: ['csv'] }] };
      const chosen = mainWindow === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(mainWindow, options);
      if (chosen.canceled || chosen.filePath === undefined) return null;
      writeFileSync(chosen.filePath, text, 'utf8');
      return chosen.filePath;
    },
    async openReport(file) {
      const failure = await shell.openPath(file);
      if (failure !== '') throw new Error(`Could not open the report ${file}: ${failure}`);
    },
  };
  const notifier = electronAlertNotifier(() => {
    mainWindow?.show();
    mainWindow?.focus();
  });
  const handlers = registerHandlers({ service, jobs, desktop, notifier });
  const devServerUrl = process.env.ELECTRON_RENDERER_URL;
  if (devServerUrl === undefined) serveRendererProtocol(path.join(here, '..', 'renderer'));
  const rendererUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;

  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      // Only our own window's top frame may call: never an iframe (even one of our origin) or a page it navigated to.
      const frame = event.senderFrame;
      const frameUrl = frame?.url ?? '';
      const trusted = isTrustedIpcSender({
        fromMainWindow: mainWindow !== null && event.sender === mainWindow.webContents,
        isTopFrame: frame !== null && mainWindow !== null && frame === mainWindow.webContents.mainFrame,
        frameUrl,
        rendererUrl,
      });
      if (!trusted) {
        return fail('unauthorized', `IPC from an unexpected frame (${frameUrl}) was refused`);
      }
      return dispatch(handlers, channel, input);
    });
  }

  hardenSession({ devServer: devServerUrl !== undefined });
  Menu.setApplicationMenu(buildAppMenu(() => mainWindow));
  const open = (): void => {
    mainWindow = createMainWindow({
      preloadFile: path.join(here, '..', 'preload', 'preload.cjs'),
      rendererUrl,
      windowStateFile: path.join(userData, 'window-state.json'),
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };
  open();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void jobs.close();
    service.close();
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

start().catch((error: unknown) => {
  dialog.showErrorBox('Edgeline could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
});
