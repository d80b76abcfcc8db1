import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { EdgelinePage } from './support/edgeline-page';
import { expect, seedSeasons, test, weeksCommitted } from './support/fixtures';

interface ScreenAudit {
  readonly screen: string;
  readonly serious: number;
  readonly critical: number;
  readonly rules: readonly string[];
}

/** axe-core on what is on screen now; returns the serious and critical violations by rule. */
async function audit(page: Page, screen: string): Promise<ScreenAudit> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const count = (impact: string): number => bad.filter((v) => v.impact === impact).reduce((sum, v) => sum + v.nodes.length, 0);
  return { screen, serious: count('serious'), critical: count('critical'), rules: bad.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)) };
}

/**
 * A new user's whole journey at 1280x720, every screen checked with axe-core (zero serious or
 * critical violations): data, a refused import, the run form's field messages, run to end with
 * a cancel in the middle, the verdict, the metric definitions, the weekly table, week review
 * with the keyboard, a week's export, runs and compare, and the Help page. SCREENS_DIR (outside
 * the repository) keeps viewport screenshots for before/after comparisons.
 */
test('a whole journey holds up on every screen at 1280x720, with no serious or critical axe violation', async ({ edgeline }, testInfo) => {
  const { page } = edgeline;
  const app = new EdgelinePage(page);
  const shotsDir = process.env.SCREENS_DIR;
  if (shotsDir !== undefined) mkdirSync(shotsDir, { recursive: true });
  const shoot = async (name: string): Promise<void> => {
    if (shotsDir !== undefined) await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
    await edgeline.screenshot(name);
  };
  const audits: ScreenAudit[] = [];
  const visit = async (name: string): Promise<void> => {
    await shoot(name);
    audits.push(await audit(page, name));
  };

  await page.setViewportSize({ width: 1280, height: 720 });
  await app.goTo('data');
  await expect(page.getByTestId('data-empty-state')).toBeVisible();
  // A download range that selects nothing says why.
  await page.getByTestId('download-from').selectOption('2324');
  await page.getByTestId('download-to').selectOption('1920');
  await expect(page.getByTestId('download-start')).toBeDisabled();
  await expect(page.getByTestId('download-nothing-selected')).toHaveText(/From \(2023-24\) is after To \(2019-20\)/);
  await visit('data-empty');

  await seedSeasons(edgeline, ['2122', '2223', '2324']);
  await page.reload();
  await app.goTo('data');
  await expect(page.getByTestId('data-total-matches')).toHaveText('1140');
  await visit('data');

  // Files that are not CSV, or are empty, are named with the reason, and the import reads as a failure.
  await page.getByTestId('import-file-input').setInputFiles([
    { name: 'E0.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004') },
    { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) },
  ]);
  await expect(page.getByTestId('import-summary')).toHaveAttribute('role', 'alert');
  await expect(page.getByTestId('import-headline')).toHaveText('Import failed: none of the 2 files could be imported.');
  await expect(page.getByTestId('import-failures')).toContainText('E0.xlsx: not a CSV file');
  await expect(page.getByTestId('import-failures')).toContainText('empty.csv: the file is empty');
  await visit('data-import-refused');

  // The run form: a proposed name from model and season, field messages in the user's units, focus on the first bad field.
  await app.goTo('runs');
  const form = page.getByTestId('run-form');
  await form.getByTestId('settings-modelKind').selectOption('dixon-coles');
  await expect(form.getByTestId('settings-name')).toHaveValue('Dixon-Coles · 2023-24');
  await form.getByTestId('settings-minOdds').fill('');
  await form.getByTestId('settings-minOdds').blur();
  await expect(form.getByTestId('settings-minOdds')).toHaveValue('');
  await expect(form.getByTestId('settings-minOdds-error')).toHaveText('Minimum odds is empty: enter a number');
  await form.getByTestId('settings-minEdge').fill('-1');
  await form.getByTestId('run-create').click();
  await expect(form.getByTestId('settings-minEdge-error')).toHaveText('Minimum edge must be 0% or more');
  await expect(form.getByTestId('settings-minEdge')).toBeFocused();
  await expect(form.getByTestId('settings-minEdge')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByTestId('settings-minEdge')).toHaveAttribute('min', '0');
  await visit('runs-form-errors');
  await form.getByTestId('settings-minEdge').fill('5');
  await form.getByTestId('settings-minOdds').fill('1.25');

  // Refitting every week makes each week take about as long as a built-in model's longest step, so Cancel lands mid-season.
  // The model's own bets (the journey reads slips, badges and legends of a week with bets).
  await app.createRun('Screens', { modelKind: 'dixon-coles', strategy: 'model', retrainEveryWeeks: 1 });
  await visit('playback-new');

  // Run to end shows each week as it is committed; Cancel stops within a week and says what was kept.
  await page.getByTestId('run-to-end-button').click();
  await expect(page.getByTestId('cancel-button')).toBeVisible();
  await expect(page.getByTestId('cancel-button')).toBeFocused();
  await expect(page.getByTestId('step-progress-elapsed')).toBeVisible();
  const committed = (): number => weeksCommitted(edgeline, 'Screens');
  await expect.poll(committed, { timeout: 120_000, intervals: [50] }).toBeGreaterThanOrEqual(1);
  // Cancel has had the focus since Run to end started (checked above): Enter presses it, the
  // keyboard path a user takes, at once. These weeks take ~50 ms, and a look at the page first
  // (a round trip while it draws the charts) could let the season end before the key arrives.
  await page.keyboard.press('Enter');
  const cancelledAt = Date.now();
  const committedAtCancel = committed();
  await expect(page.getByTestId('playback-notice')).toContainText('Cancelled. Weeks 1–', { timeout: 15_000 });
  const cancelMs = Date.now() - cancelledAt;
  await expect(page.getByTestId('cancel-button')).toHaveCount(0);
  await expect(page.getByTestId('playback-notice')).toBeFocused();
  // The message comes first; the counter follows once the screen has caught up with the ledger.
  const kept = committed();
  await expect(page.getByTestId('weeks-played')).toContainText(`${kept} /`);
  // The job runner's shared cancel flag reaches the worker at once; the week in progress is dropped.
  process.stdout.write(`Cancel: stopped ${cancelMs} ms after the click, ${kept - committedAtCancel} weeks committed after it\n`);
  expect(kept).toBeGreaterThanOrEqual(committedAtCancel);
  // Weeks here take ~50 ms, so a cancel that waits behind a dashboard build on the main process
  // lets a few more commit; the bound that matters is the time (cancel.spec.ts counts weeks on slower ones).
  // The screen followed the run: the week on show is the last one kept, not week 1.
  await expect(page.getByTestId('week-number')).toHaveText(String(kept));
  expect(kept).toBeGreaterThanOrEqual(1);
  expect(kept).toBeLessThan(36);
  expect(committed()).toBe(kept);
  await expect(page.getByTestId('playback-notice')).toHaveText(`Cancelled. Weeks 1–${kept} are saved in the ledger; the week in progress was discarded and can be played again.`);
  console.log(`Cancel to stopped on screen: ${cancelMs} ms (${committedAtCancel} weeks committed at the click, ${kept} kept)`);
  testInfo.annotations.push({ type: 'cancel-ms', description: String(cancelMs) });
  // Issue 15: one second for the built-in models; mid-run the cancel can wait behind a dashboard build on the main process (e2e/cancel.spec.ts).
  expect(cancelMs).toBeLessThanOrEqual(1_500);

  await page.getByTestId('run-to-end-button').click();
  const restStartedAt = Date.now();
  // The weeks the screen showed on the way are reported.
  const seenMidRun = await app.weeksShownUntilFinished(kept, 36, 200_000);
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 200_000 });
  const restMs = Date.now() - restStartedAt;
  console.log(`Weeks shown while running to the end: ${[...seenMidRun].join(', ')} (the rest of the season took ${restMs} ms)`);
  // The Dixon-Coles rest of the season is over in a second or two; e2e/cancel.spec.ts checks the
  // counter and panel move mid-run on a season long enough to watch (the feature net refitted weekly).
  await page.evaluate(() => window.scrollTo(0, 0));

  // The verdict is at the top and fits the first screen at 1280x720.
  const verdict = page.getByTestId('verdict');
  await expect(page.getByTestId('verdict-sentence')).toHaveText(/^(Evidence of an edge|No evidence of an edge|Mixed evidence|Too early to judge): .+\.$/);
  const box = await verdict.boundingBox();
  expect((box?.y ?? 1e9) + (box?.height ?? 0)).toBeLessThanOrEqual(720);
  await expect(page.getByTestId('verdict-brier')).toContainText('95% CI');
  await expect(page.getByTestId('verdict-band')).toContainText('median');
  await visit('dashboard-1280x720');
  // Every chart's lines, colours and marks have a key under it or a legend of its own
  // (src-renderer/charts/options/chart-keys.test.ts checks that the keys cover what each draws).
  await expect(page.getByTestId('bankroll-legend').locator('li')).toHaveCount(7);
  await expect(page.getByTestId('weekly-roi-legend')).toContainText('week at a loss');
  await expect(page.getByTestId('calibration-legend')).toContainText('perfect calibration');
  await page.setViewportSize({ width: 1440, height: 900 });
  await shoot('dashboard-1440x900');
  await page.setViewportSize({ width: 1280, height: 720 });

  // Every metric has its definition on keyboard focus.
  await page.getByTestId('kpi-roi-card').focus();
  await expect(page.getByTestId('kpi-roi-definition')).toBeVisible();
  await expect(page.getByTestId('kpi-roi-definition')).toContainText('profit divided by the total staked');
  await expect(page.getByTestId('kpi-risk-of-ruin-definition')).toBeHidden();
  // The win rate is read against the break-even win rate of the same bets, defined on focus.
  await expect(page.getByTestId('kpi-break-even')).toHaveText(/^\d+\.\d%$/);
  await page.getByTestId('kpi-win-rate-card').focus();
  await expect(page.getByTestId('kpi-win-rate-definition')).toContainText('break-even win rate of the same bets');

  // The weekly table: a totals row, no clipping at 1280 px, reachable by keyboard.
  const wrap = page.getByTestId('weekly-table-wrap');
  await expect(wrap).toHaveAttribute('tabindex', '0');
  const widths = await wrap.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  await expect(page.getByTestId('weekly-total-betsPlaced')).toHaveText(await page.getByTestId('kpi-bets').innerText());

  // Double-clicking a row shows that week and brings it into view; the arrows walk played weeks without playing new ones.
  await page.getByTestId('weekly-row-5').dblclick();
  await expect(page.getByTestId('week-number')).toHaveText('5');
  await expect(page.getByTestId('week-panel')).toBeInViewport();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('week-number')).toHaveText('6');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('week-number')).toHaveText('4');
  await expect(page.getByTestId('week-bankroll-end').locator('xpath=..').locator('.label')).toHaveText('Bankroll after week 4');
  await expect(page.getByTestId('slip-legend')).toContainText('robust');

  // Bet slips: a selected week exports that week, named with the run, the week and its date.
  await app.goTo('slips');
  await expect(page.getByTestId('slips-table')).toBeVisible();
  await expect(page.getByTestId('slips-break-even')).toHaveText(/%$/);
  await visit('slips');
  const weekWithBets = await page.locator('[data-testid="slips-table"] tbody tr td:first-child').first().innerText();
  await page.getByTestId('slips-scope').selectOption(weekWithBets);
  await expect(page.getByTestId('export-button')).toHaveText(`Export week ${weekWithBets} CSV`);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^edgeline-screens-week-${weekWithBets.padStart(2, '0')}-\\d{4}-\\d{2}-\\d{2}-[A-Za-z0-9]{1,8}\\.csv$`));
  const saved = testInfo.outputPath('week.csv');
  await file.saveAs(saved);
  const rows = readFileSync(saved, 'utf8').split('\r\n').slice(1).filter((line) => line !== '');
  expect(rows.length).toBe(Number(await page.getByTestId('slips-count').innerText()));
  expect(rows.every((line) => line.startsWith(`${weekWithBets},`))).toBe(true);

  // Runs and compare: model, strategy and prices per run, and every setting two runs differ in.
  const screens = (await edgeline.invoke('runs:list', {})).find((r) => r.name === 'Screens');
  const other = await edgeline.invoke('runs:create', { settings: { ...screens!.settings, name: 'Lower edge', minEdge: 0.03, priceSource: 'max' } });
  await app.goTo('runs');
  await expect(page.getByTestId(`run-model-${screens!.id}`)).toHaveText('Dixon-Coles');
  await expect(page.getByTestId(`run-strategy-${screens!.id}`)).toContainText('min edge 5%');
  await page.getByTestId(`run-compare-${screens!.id}`).check();
  await page.getByTestId(`run-compare-${other.id}`).check();
  await expect(page.getByTestId('compare-differences')).toContainText('Prices bet at (Bet365 pre-match vs Best price across books (assumes an account at every book, prices still on offer, no limits)); Minimum edge (5% vs 3%)');
  await visit('runs');

  await app.goTo('help');
  await expect(page.getByRole('heading', { name: 'Betting weeks' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The verdict' })).toBeVisible();
  await visit('help');

  if (shotsDir !== undefined) writeFileSync(path.join(shotsDir, 'axe.json'), JSON.stringify(audits, null, 2));
  console.log(JSON.stringify(audits.map((a) => ({ screen: a.screen, serious: a.serious, critical: a.critical })), null, 0));
  expect(audits.filter((a) => a.serious + a.critical > 0)).toEqual([]);
});
