import { readFileSync } from 'node:fs';
import { EdgelinePage, pounds } from './support/edgeline-page';
import { expect, seedSeasons, test } from './support/fixtures';

/** Money columns in the export are exact decimals written from cents ("-12.30"). */
function centsOf(text: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (match === null) throw new Error(`"${text}" is not a money amount with two decimals`);
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]));
}

test('playing a season to the end and exporting its bet slips gives the ledger rows and totals', async ({ edgeline }, testInfo) => {
  const { page } = edgeline;
  const app = new EdgelinePage(page);
  await seedSeasons(edgeline, ['2122', '2223', '2324']);
  await page.reload();
  await app.createRun('Full season', { modelKind: 'dixon-coles' });

  await page.getByTestId('speed-select').selectOption('4');
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('weeks-played')).toContainText('2 /', { timeout: 120_000 });
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('play-button')).toHaveText('Play ▶', { timeout: 60_000 });
  await page.getByTestId('run-to-end-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 200_000 });
  await edgeline.screenshot('dashboard-finished');

  const ledger = edgeline.ledger();
  const run = ledger.prepare("SELECT id, week_count AS weeks FROM runs WHERE name = 'Full season'").get() as { id: string; weeks: number };
  const totals = ledger
    .prepare("SELECT COUNT(*) AS n, SUM(stake_cents) AS staked, SUM(profit_cents) AS profit FROM weekly_bets WHERE run_id = ? AND book = 'active' AND placed = 1")
    .get(run.id) as { n: number; staked: number; profit: number };
  const played = ledger.prepare('SELECT COUNT(*) AS n FROM weekly_performance WHERE run_id = ?').get(run.id) as { n: number };
  ledger.close();
  expect(played.n).toBe(run.weeks);
  await expect(page.getByTestId('weeks-played')).toHaveText(`${run.weeks} / ${run.weeks} weeks`);

  await app.goTo('slips');
  await expect(page.getByTestId('slips-count')).toHaveText(String(totals.n));
  await expect(page.getByTestId('slips-staked')).toHaveText(pounds(totals.staked));
  await edgeline.screenshot('bet-slips-season');

  await page.getByTestId('export-bom').check();
  const file = testInfo.outputPath('bet-slips.csv');
  if (edgeline.mode === 'desktop') {
    await edgeline.answerSaveDialog(file);
    await page.getByTestId('export-button').click();
    await expect(page.getByTestId('export-notice')).toHaveText(`Saved to ${file}`);
  } else {
    const download = page.waitForEvent('download');
    await page.getByTestId('export-button').click();
    await (await download).saveAs(file);
  }
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.slice(1).split('\r\n').filter((line) => line !== '');
  const header = (lines[0] ?? '').split(',');
  expect(header.slice(0, 3)).toEqual(['week', 'kickoff', 'match']);
  expect(header).toEqual(expect.arrayContaining(['stake_gbp', 'profit_gbp', 'bankroll_after_gbp', 'probability_pct', 'probability_source', 'edge_pct', 'clv_pct']));
  const rows = lines.slice(1).map((line) => line.split(','));
  expect(rows).toHaveLength(totals.n);
  // Team names contain no commas in this league, so a plain split is enough to read the money columns.
  const stakeAt = header.indexOf('stake_gbp');
  const profitAt = header.indexOf('profit_gbp');
  expect(rows.reduce((sum, row) => sum + centsOf(row[stakeAt] ?? ''), 0)).toBe(totals.staked);
  expect(rows.reduce((sum, row) => sum + centsOf(row[profitAt] ?? ''), 0)).toBe(totals.profit);
});
