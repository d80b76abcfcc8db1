import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED_DATA_DIR, startDataServer } from './support/data-server';
import { EdgelinePage } from './support/edgeline-page';
import { expect, readLedger, seedSeasons, test } from './support/fixtures';

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

test('a file with 26 bad rows is refused as a whole with 20 listed, re-importing a changed season says what changed, and empty or header-only files say so', async ({ edgeline }, testInfo) => {
  test.skip(edgeline.mode === 'desktop', 'Desktop import goes through the native open dialog');
  const { page } = edgeline;
  const app = new EdgelinePage(page);
  await seedSeasons(edgeline, ['2324']);
  await page.reload();
  await app.goTo('data');
  await expect(page.getByTestId('data-season-E0-2324-matches')).toHaveText('380');

  // A modified copy of the real 2023-24 file, written to a temp folder: two results corrected.
  const real = readFileSync(path.join(SHARED_DATA_DIR, 'mmz4281', '2324', 'E0.csv'), 'latin1');
  const modified = real.replace('E0,11/08/2023,20:00,Burnley,Man City,0,3,A,', 'E0,11/08/2023,20:00,Burnley,Man City,1,3,A,').replace(",Arsenal,Nott'm Forest,2,1,H,", ",Arsenal,Nott'm Forest,3,1,H,");
  expect(modified).not.toBe(real);
  const copy = testInfo.outputPath('E0.csv');
  mkdirSync(path.dirname(copy), { recursive: true });
  writeFileSync(copy, modified, 'latin1');
  await page.getByTestId('import-file-input').setInputFiles(copy);
  await expect(page.getByTestId('import-season-change')).toHaveText('Replaced E0 2023-24: 2 rows changed, 0 added, 0 removed');
  await expect(page.getByTestId('import-summary')).toHaveAttribute('role', 'status');
  await expect(page.getByTestId('import-summary')).toBeFocused();
  const goalsOf = (): number =>
    readLedger(edgeline, (db) => (db.prepare("SELECT home_goals AS g FROM matches WHERE id = 'E0-2324-burnley-man-city-1'").get() as { g: number }).g);
  expect(goalsOf()).toBe(1);
  await edgeline.screenshot('data-reimport-changes');

  // 26 bad rows of several kinds: nothing of the file is imported, 20 are listed, the rest counted.
  const lines = real.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  const setCell = (line: number, column: string, value: string): void => {
    const cells = (lines[line - 1] ?? '').split(',');
    cells[header.indexOf(column)] = value;
    lines[line - 1] = cells.join(',');
  };
  for (let line = 10; line < 20; line += 1) setCell(line, 'FTHG', 'two');
  for (let line = 30; line < 38; line += 1) setCell(line, 'Date', '2023-10-01');
  for (let line = 50; line < 55; line += 1) setCell(line, 'B365H', '0.95');
  setCell(60, 'FTR', 'X');
  setCell(61, 'FTAG', 'lots');
  // Line 2's result changed too: it must not be imported, since the file as a whole is refused.
  setCell(2, 'FTHG', '2');
  setCell(2, 'FTR', 'H');
  await page.getByTestId('import-file-input').setInputFiles({ name: 'E0.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n'), 'latin1') });
  const summary = page.getByTestId('import-summary');
  await expect(summary).toHaveAttribute('role', 'alert');
  await expect(summary).toHaveClass(/import-failed/);
  await expect(summary).toBeFocused();
  await expect(page.getByTestId('import-headline')).toHaveText('Import failed: none of the 1 file could be imported.');
  await expect(page.getByTestId('import-failure')).toContainText('E0.csv: 26 rows cannot be imported, so nothing from this file was imported. Correct them and import the file again:');
  const listed = page.getByTestId('import-bad-rows').locator('li');
  await expect(listed).toHaveCount(20);
  await expect(listed.first()).toHaveText('line 2, column FTR: expected A to agree with the score 2-3, found "H"');
  await expect(listed.nth(1)).toHaveText('line 10, column FTHG: expected a whole number of goals from 0 to 30, found "two"');
  await expect(listed.nth(11)).toHaveText('line 30, column Date: expected a date as dd/mm/yy or dd/mm/yyyy, found "2023-10-01"');
  await expect(page.getByTestId('import-more-rows')).toHaveText('…and 6 more bad rows');
  expect(goalsOf()).toBe(1);
  await expect(page.getByTestId('data-season-E0-2324-matches')).toHaveText('380');
  await edgeline.screenshot('data-bad-rows');

  // Files that are not match data: each named with its reason, in the user's terms.
  await page.getByTestId('import-file-input').setInputFiles([
    { name: 'header-only.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines[0]}\n`) },
    { name: 'blank.csv', mimeType: 'text/csv', buffer: Buffer.from('\n \r\n') },
    { name: 'page.csv', mimeType: 'text/csv', buffer: Buffer.from('<!DOCTYPE html><html><body>Not found</body></html>') },
    { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) },
    { name: 'results.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004') },
  ]);
  await expect(page.getByTestId('import-headline')).toHaveText('Import failed: none of the 5 files could be imported.');
  const failures = page.getByTestId('import-failure');
  await expect(failures.filter({ hasText: 'header-only.csv' })).toHaveText('header-only.csv: expected at least one match row after the header, found none');
  await expect(failures.filter({ hasText: 'blank.csv' })).toHaveText('blank.csv: expected a header row naming Div, Date, HomeTeam, AwayTeam, FTHG, FTAG, FTR, found an empty file');
  await expect(failures.filter({ hasText: 'page.csv' })).toHaveText('page.csv: expected a CSV file, found an HTML page: not a CSV file (was a web page saved instead of the file?)');
  await expect(failures.filter({ hasText: 'empty.csv' })).toHaveText('empty.csv: the file is empty: it has no header and no matches');
  await expect(failures.filter({ hasText: 'results.xlsx' })).toHaveText('results.xlsx: not a CSV file: football-data.co.uk files end in .csv (this one is .xlsx)');
  await edgeline.screenshot('data-not-match-files');
});
