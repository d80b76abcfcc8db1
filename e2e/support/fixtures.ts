import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, chromium, _electron, expect, type Page, type LaunchOptions } from '@playwright/test';
import Database from 'better-sqlite3';
import type { Channel, ChannelInput, ChannelOutput } from '../../src-main/ipc/contract';
import type { Result } from '../../src-main/ipc/result';
import { startDataServer, type DataServer } from './data-server';
import { REPO_ROOT, startHeadlessApp } from './headless-app';

export interface Edgeline {
  readonly mode: 'browser' | 'desktop';
  readonly page: Page;
  readonly databaseFile: string;
  readonly dataUrl: string;
  /** Calls a contract channel the way the renderer does (HTTP with the token, or window.api), for setting up data quickly. */
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Opens the ledger read-only so a test can compare what the UI shows with what was stored. */
  ledger(): Database.Database;
  /** Full-page screenshot kept with the test's artefacts (test-results/<test>/NN-name.png). */
  screenshot(name: string): Promise<void>;
  /** Desktop only: make the next save dialog answer with this path. */
  answerSaveDialog(file: string): Promise<void>;
}

/** One isolated app per test: a fresh temp ledger, the headless server (or Electron) and a fresh browser profile. */
export const test = base.extend<{ edgeline: Edgeline }, { dataServer: DataServer }>({
  dataServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the destructuring pattern
    async ({}, use) => {
      const server = await startDataServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  edgeline: async ({ dataServer }, use, testInfo) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'edgeline-e2e-'));
    const databaseFile = path.join(dir, 'edgeline.sqlite');
    let shot = 0;
    const screenshot = async (page: Page, name: string): Promise<void> => {
      shot += 1;
      const file = testInfo.outputPath(`${String(shot).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(name, { path: file, contentType: 'image/png' });
    };
    // Any CSP refusal or uncaught page error fails the journey: the strict policy must not break a screen silently.
    const pageProblems: string[] = [];
    const watch = (page: Page): void => {
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) pageProblems.push(message.text());
      });
      page.on('pageerror', (error) => pageProblems.push(error.message));
    };
    // With the electron project, node_modules' better-sqlite3 is built for Electron; point
    // BETTER_SQLITE3_NODE_BINDING at a Node build of better_sqlite3.node so the test can still read the ledger.
    const ledger = (): Database.Database =>
      new Database(databaseFile, { readonly: true, fileMustExist: true, nativeBinding: process.env.BETTER_SQLITE3_NODE_BINDING });

    if (testInfo.project.name === 'electron') {
      const electronApp = await _electron.launch({
        executablePath: process.env.ELECTRON_PATH,
        args: [REPO_ROOT],
        env: { ...process.env, EDGELINE_USER_DATA: path.join(dir, 'user-data'), EDGELINE_DB: databaseFile, EDGELINE_DATA_URL: dataServer.url },
      });
      const page = await electronApp.firstWindow();
      watch(page);
      await page.setViewportSize({ width: 1440, height: 900 });
      await use({
        mode: 'desktop',
        page,
        databaseFile,
        dataUrl: dataServer.url,
        invoke: async (channel, input) => {
          const result = (await page.evaluate(([c, i]) => (window as unknown as { api: { invoke(c: string, i: unknown): Promise<unknown> } }).api.invoke(c, i), [channel, input] as const)) as Result<never>;
          if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
          return result.value;
        },
        ledger,
        screenshot: (name) => screenshot(page, name),
        answerSaveDialog: (file) =>
          electronApp.evaluate(({ dialog }, target) => {
            dialog.showSaveDialog = (async () => ({ canceled: false, filePath: target })) as unknown as typeof dialog.showSaveDialog;
          }, file),
      });
      await electronApp.close();
    } else {
      const app = await startHeadlessApp(databaseFile, dataServer.url);
      const browser = await chromium.launch(testInfo.project.use.launchOptions as LaunchOptions);
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      watch(page);
      await page.goto(app.url);
      await use({
        mode: 'browser',
        page,
        databaseFile,
        dataUrl: dataServer.url,
        invoke: async (channel, input) => {
          const response = await fetch(`${app.origin}/api/${channel}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-edgeline-token': app.token },
            body: JSON.stringify(input),
          });
          const result = (await response.json()) as Result<never>;
          if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
          return result.value;
        },
        ledger,
        screenshot: (name) => screenshot(page, name),
        answerSaveDialog: async () => {
          throw new Error('The browser mode has no save dialog; it downloads a Blob');
        },
      });
      await context.close();
      await browser.close();
      await app.close();
    }
    rmSync(dir, { recursive: true, force: true });
    expect(pageProblems, 'CSP refusals or page errors').toEqual([]);
  },
});

export { expect };

/** Opens the ledger read-only for one read and closes it again: the app goes on writing between reads. */
export function readLedger<T>(edgeline: Edgeline, read: (db: Database.Database) => T): T {
  const db = edgeline.ledger();
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** How many weeks the ledger holds for the run of that name (what a Cancel keeps). */
export function weeksCommitted(edgeline: Edgeline, runName: string): number {
  return readLedger(
    edgeline,
    (db) => (db.prepare('SELECT COUNT(*) AS n FROM weekly_performance wp JOIN runs r ON r.id = wp.run_id WHERE r.name = ?').get(runName) as { n: number }).n,
  );
}

/** Downloads seasons through the API and waits for the job: setup for journeys that are not about data. */
export async function seedSeasons(edgeline: Edgeline, seasons: readonly string[]): Promise<void> {
  const { jobId } = await edgeline.invoke('data:download', { divs: ['E0'], seasons: [...seasons] });
  for (;;) {
    const status = await edgeline.invoke('jobs:wait', { jobId, timeoutMs: 20_000 });
    if (status.state === 'succeeded') return;
    if (status.state !== 'running') throw new Error(`Seeding seasons ${seasons.join(',')} ended ${status.state}`);
  }
}
