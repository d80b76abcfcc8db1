import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED_DATA_DIR, startDataServer } from './support/data-server';
import { EdgelinePage } from './support/edgeline-page';
import { expect, test } from './support/fixtures';

test('a new user downloads five seasons, then imports a file and sees the broken one named', async ({ edgeline }) => {
  const { page } = edgeline;
  const app = new EdgelinePage(page);
  await app.goTo('data');

  await expect(page.getByTestId('data-empty-state')).toBeVisible();
  await expect(page.getByTestId('download-base-url')).toHaveValue(edgeline.dataUrl);
  await edgeline.screenshot('data-empty');

  await page.getByTestId('download-div').selectOption('E0');
  await page.getByTestId('download-from').selectOption('1920');
  await page.getByTestId('download-to').selectOption('2324');
  await expect(page.getByTestId('download-start')).toHaveText('Download 5 seasons');
  await page.getByTestId('download-start').click();

  await expect(page.getByTestId('import-summary-files')).toHaveText('5');
  await expect(page.getByTestId('import-summary-matches')).toHaveText('1900');
  for (const season of ['1920', '2021', '2122', '2223', '2324']) {
    await expect(page.getByTestId(`data-season-E0-${season}-matches`)).toHaveText('380');
  }
  const ledger = edgeline.ledger();
  const stored = ledger.prepare('SELECT COUNT(*) AS n FROM matches').get() as { n: number };
  ledger.close();
  await expect(page.getByTestId('data-total-matches')).toHaveText(String(stored.n));
  expect(stored.n).toBe(1900);
  await edgeline.screenshot('data-downloaded');

  test.skip(edgeline.mode === 'desktop', 'Desktop import goes through the native open dialog');
  await page.getByTestId('import-file-input').setInputFiles([
    { name: 'E0.csv', mimeType: 'text/csv', buffer: readFileSync(path.join(SHARED_DATA_DIR, 'mmz4281', '1819', 'E0.csv')) },
    { name: 'not-a-season.csv', mimeType: 'text/csv', buffer: Buffer.from('this,is,not\nfootball,data,at all\n') },
  ]);
  await expect(page.getByTestId('import-summary-files')).toHaveText('1');
  await expect(page.getByTestId('import-summary-matches')).toHaveText('380');
  await expect(page.getByTestId('import-failures')).toContainText('not-a-season.csv');
  await expect(page.getByTestId('data-season-E0-1819-matches')).toHaveText('380');
  await expect(page.getByTestId('data-total-matches')).toHaveText('2280');
  await edgeline.screenshot('data-imported');
});

test('a download that stalls can be cancelled, and the seasons that arrived before stay imported', async ({ edgeline }) => {
  const { page } = edgeline;
  const stalling = await startDataServer({ holdSeasons: ['2324'] });
  try {
    const app = new EdgelinePage(page);
    await app.goTo('data');
    await page.getByTestId('download-base-url').fill(stalling.url);
    await page.getByTestId('download-div').selectOption('E0');
    await page.getByTestId('download-from').selectOption('2223');
    await page.getByTestId('download-to').selectOption('2324');
    await page.getByTestId('download-start').click();

    await expect(page.getByTestId('download-progress')).toBeVisible();
    await expect(page.getByText(/Downloading E0 2324 \(2 of 2\)/)).toBeVisible();
    await edgeline.screenshot('data-download-in-progress');
    await page.getByTestId('download-cancel').click();

    await expect(page.getByTestId('data-error')).toHaveText('Download cancelled. The seasons that had already arrived are imported and kept.');
    await expect(page.getByTestId('download-cancel')).toHaveCount(0);
    await expect(page.getByTestId('data-season-E0-2223-matches')).toHaveText('380');
    await expect(page.getByTestId('data-season-E0-2324')).toHaveCount(0);
    await edgeline.screenshot('data-download-cancelled');
    const ledger = edgeline.ledger();
    const stored = ledger.prepare('SELECT COUNT(*) AS n FROM matches').get() as { n: number };
    ledger.close();
    expect(stored.n).toBe(380);
  } finally {
    await stalling.close();
  }
});
