import { defineConfig } from '@playwright/test';

/**
 * End-to-end journeys against the built app (run `electron-vite build` first; `npm run test:e2e`
 * does). Project "browser": the headless server + Debian Chromium. Project "electron": the same
 * specs through Playwright's Electron support, only when ELECTRON_PATH names an Electron binary.
 */
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // Two shared cores: one journey at a time keeps the model training from starving the UI.
  workers: 1,
  fullyParallel: false,
  timeout: 240_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1440, height: 900 },
    actionTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
      },
    },
    ...(process.env.ELECTRON_PATH ? [{ name: 'electron', use: { browserName: 'chromium' as const } }] : []),
  ],
});
