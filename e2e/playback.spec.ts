import { EdgelinePage, pounds } from './support/edgeline-page';
import { expect, seedSeasons, test } from './support/fixtures';

interface WeekRow {
  week: number;
  staked_cents: number;
  profit_cents: number;
  bankroll_start_cents: number;
  bankroll_end_cents: number;
  bets_placed: number;
  matches: number;
}

function signedPounds(cents: number): string {
  return cents > 0 ? `+${pounds(cents)}` : pounds(cents);
}

test('stepping three weeks shows each slip before its results, and the dashboard matches the ledger', async ({ edgeline }) => {
  const { page } = edgeline;
  const app = new EdgelinePage(page);
  await seedSeasons(edgeline, ['1920', '2021', '2122', '2223', '2324']);
  await page.reload();

  await app.createRun('Three weeks', { modelKind: 'dixon-coles' });
  await expect(page.getByTestId('playback-empty')).toBeVisible();
  await edgeline.screenshot('playback-new-run');

  // Week 1: the slip is shown before the results are revealed.
  await page.getByTestId('step-button').click();
  await expect(page.getByTestId('week-phase')).toHaveText('Bet slip (before kick-off)', { timeout: 120_000 });
  await edgeline.screenshot('playback-slip-phase');
  await expect(page.getByTestId('week-phase')).toHaveText('Results');
  await app.stepWeek(2);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('week-number')).toHaveText('3', { timeout: 120_000 });
  await expect(page.getByTestId('week-phase')).toHaveText('Results');
  await expect(page.getByTestId('weeks-played')).toContainText('3 /');

  const ledger = edgeline.ledger();
  const run = ledger.prepare("SELECT id, starting_bankroll_cents AS start FROM runs WHERE name = 'Three weeks'").get() as { id: string; start: number };
  const weeks = ledger.prepare('SELECT * FROM weekly_performance WHERE run_id = ? ORDER BY week').all(run.id) as WeekRow[];
  const placed = ledger.prepare("SELECT COUNT(*) AS n FROM weekly_bets WHERE run_id = ? AND book = 'active' AND placed = 1").get(run.id) as { n: number };
  const rejectedInWeek3 = ledger.prepare("SELECT COUNT(*) AS n FROM weekly_bets WHERE run_id = ? AND book = 'active' AND placed = 0 AND week = 3").get(run.id) as { n: number };
  ledger.close();

  expect(weeks.map((w) => w.week)).toEqual([1, 2, 3]);
  const profit = weeks.reduce((sum, w) => sum + w.profit_cents, 0);
  const staked = weeks.reduce((sum, w) => sum + w.staked_cents, 0);
  const last = weeks[2] as WeekRow;
  // The ledger reconciles: start + sum of P/L = bankroll.
  expect(run.start + profit).toBe(last.bankroll_end_cents);

  await expect(page.getByTestId('kpi-bankroll')).toHaveText(pounds(last.bankroll_end_cents));
  await expect(page.getByTestId('kpi-profit')).toHaveText(signedPounds(profit));
  await expect(page.getByTestId('kpi-staked')).toHaveText(pounds(staked));
  await expect(page.getByTestId('kpi-bets')).toHaveText(String(placed.n));
  await expect(page.getByTestId('week-bankroll-end')).toHaveText(pounds(last.bankroll_end_cents));
  for (const w of weeks) {
    await expect(page.getByTestId(`weekly-${w.week}-stakedCents`)).toHaveText(pounds(w.staked_cents));
    await expect(page.getByTestId(`weekly-${w.week}-profitCents`)).toHaveText(signedPounds(w.profit_cents));
    await expect(page.getByTestId(`weekly-${w.week}-bankrollEndCents`)).toHaveText(pounds(w.bankroll_end_cents));
    await expect(page.getByTestId(`weekly-${w.week}-betsPlaced`)).toHaveText(String(w.bets_placed));
  }
  await expect(page.getByTestId('kpi-clv')).not.toHaveText('unavailable');
  await expect(page.getByTestId('brier-sentence')).toContainText(`over ${weeks.reduce((sum, w) => sum + w.matches, 0)} matches`);
  await edgeline.screenshot('playback-week-3');

  // Every candidate the staking rules turned down is listed with the reason.
  expect(rejectedInWeek3.n).toBeGreaterThan(0);
  await page.getByTestId('rejected').locator('summary').click();
  await expect(page.getByTestId('rejected-row')).toHaveCount(rejectedInWeek3.n);
  const reasons = await page.getByTestId('rejected-reason').allTextContents();
  expect(reasons.every((reason) => reason.trim().length > 0)).toBe(true);
  await edgeline.screenshot('playback-rejections');

  // Sorting the weekly table by profit puts the best week first.
  await page.getByTestId('weekly-sort-profitCents').click();
  await page.getByTestId('weekly-sort-profitCents').click();
  const best = [...weeks].sort((a, b) => b.profit_cents - a.profit_cents || a.week - b.week)[0] as WeekRow;
  await expect(page.getByTestId('weekly-table').locator('tbody tr').first()).toHaveAttribute('data-testid', `weekly-row-${best.week}`);

  // ← goes back to an earlier played week, read back from the ledger.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('week-number')).toHaveText('2');
  await expect(page.getByTestId('week-bankroll-end')).toHaveText(pounds((weeks[1] as WeekRow).bankroll_end_cents));

  // Space plays on from week 3; Space again pauses, and the ledger holds exactly the weeks the screen counts.
  const playedOnScreen = async (): Promise<number> => Number.parseInt((await page.getByTestId('weeks-played').textContent()) ?? '', 10);
  await page.keyboard.press('Space');
  await expect.poll(playedOnScreen, { timeout: 120_000 }).toBeGreaterThanOrEqual(5);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('step-button')).toBeEnabled({ timeout: 60_000 });
  const pausedAt = await playedOnScreen();
  await page.waitForTimeout(1_500);
  expect(await playedOnScreen()).toBe(pausedAt);
  const counted = edgeline.ledger();
  const inLedger = counted.prepare('SELECT COUNT(*) AS n FROM weekly_performance WHERE run_id = ?').get(run.id) as { n: number };
  counted.close();
  expect(inLedger.n).toBe(pausedAt);
  expect(pausedAt).toBeLessThan(36);
});
