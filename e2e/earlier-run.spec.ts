import { EdgelinePage, pounds } from './support/edgeline-page';
import { expect, seedSeasons, test, type Edgeline } from './support/fixtures';

async function stepViaApi(edgeline: Edgeline, runId: string, weeks: number): Promise<void> {
  for (let i = 0; i < weeks; i += 1) {
    const { jobId } = await edgeline.invoke('season:step', { runId });
    let status = await edgeline.invoke('jobs:wait', { jobId, timeoutMs: 30_000 });
    while (status.state === 'running') status = await edgeline.invoke('jobs:wait', { jobId, timeoutMs: 30_000 });
    if (status.state !== 'succeeded') throw new Error(`step ${i + 1} ended ${status.state}`);
  }
}

test('an earlier run can be reopened, compared side by side with another, and deleted', async ({ edgeline }) => {
  const { page } = edgeline;
  const app = new EdgelinePage(page);
  // 2011-12 has no closing odds (Pinnacle closing prices start in 2012-13): its closing-line value must read "unavailable", not zero.
  await seedSeasons(edgeline, ['1011', '1112', '2122', '2223', '2324']);
  const earlier = await edgeline.invoke('runs:create', {
    settings: { name: 'Earlier run', div: 'E0', holdoutSeason: '1112', trainingSeasons: ['1011'], modelKind: 'dixon-coles', minEdge: 0.03 },
  });
  await stepViaApi(edgeline, earlier.id, 2);
  await page.reload();

  // The model's own bets at Bet365's prices: its first week has bets, so its CLV is there to compare.
  await app.createRun('Later run', { modelKind: 'dixon-coles', strategy: 'model' });
  await app.stepWeek(1);

  await app.goTo('runs');
  await expect(page.getByTestId(`run-name-${earlier.id}`)).toHaveText('Earlier run');
  await edgeline.screenshot('runs-list');
  await page.getByTestId(`run-open-${earlier.id}`).click();
  await expect(page.getByTestId('run-title')).toHaveText('Earlier run');
  await expect(page.getByTestId('weeks-played')).toContainText('2 /');
  await expect(page.getByTestId('week-number')).toHaveText('2');

  const ledger = edgeline.ledger();
  const bankrolls = ledger
    .prepare('SELECT r.name AS name, p.bankroll_end_cents AS bankroll FROM runs r JOIN weekly_performance p ON p.run_id = r.id WHERE p.week = (SELECT MAX(week) FROM weekly_performance WHERE run_id = r.id)')
    .all() as { name: string; bankroll: number }[];
  const later = ledger.prepare("SELECT id FROM runs WHERE name = 'Later run'").get() as { id: string };
  ledger.close();
  const bankrollOf = (name: string): number => bankrolls.find((b) => b.name === name)?.bankroll ?? Number.NaN;
  await expect(page.getByTestId('kpi-bankroll')).toHaveText(pounds(bankrollOf('Earlier run')));
  await expect(page.getByTestId('kpi-clv')).toHaveText('unavailable');

  await app.goTo('runs');
  await page.getByTestId(`run-compare-${earlier.id}`).check();
  await page.getByTestId(`run-compare-${later.id}`).check();
  await expect(page.getByTestId('compare-panel')).toBeVisible();
  await expect(page.getByTestId('compare-bankroll-a')).toHaveText(pounds(bankrollOf('Earlier run')));
  await expect(page.getByTestId('compare-bankroll-b')).toHaveText(pounds(bankrollOf('Later run')));
  await expect(page.getByTestId('compare-weeks-a')).toHaveText(/^2 \/ \d+$/);
  await expect(page.getByTestId('compare-weeks-b')).toHaveText(/^1 \/ \d+$/);
  await expect(page.getByTestId('compare-holdout-a')).toHaveText('2011-12');
  await expect(page.getByTestId('compare-clv-a')).toHaveText('unavailable');
  await expect(page.getByTestId('compare-clv-b')).not.toHaveText('unavailable');
  await edgeline.screenshot('runs-compare');

  await page.getByTestId(`run-delete-${later.id}`).click();
  await expect(page.getByTestId(`run-delete-${later.id}`)).toHaveText('Confirm delete');
  await page.getByTestId(`run-delete-${later.id}`).click();
  await expect(page.getByTestId(`run-row-${later.id}`)).toHaveCount(0);
  const after = edgeline.ledger();
  const remaining = after.prepare('SELECT name FROM runs ORDER BY name').all() as { name: string }[];
  after.close();
  expect(remaining.map((r) => r.name)).toEqual(['Earlier run']);
});
