import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { parseFootballDataCsv } from '../src-main/ingest/football-data-csv';
import { bettingWeeksOf } from '../src-main/domain/football/betting-week';
import { seasonFile } from '../src-main/season/testing/season-fixture';
import { publishAsOf, startFootballDataSite, type FootballDataSite } from '../src-main/season/testing/football-data-site';
import { pounds } from './support/edgeline-page';
import { expect, test, type Edgeline } from './support/fixtures';

const SEASON_BYTES = new Uint8Array(readFileSync(seasonFile('2324')));
const WEEKS = bettingWeeksOf(parseFootballDataCsv(SEASON_BYTES, { file: seasonFile('2324') }));

interface LedgerOpenBet {
  readonly matchId: string;
  readonly outcome: 'H' | 'D' | 'A';
  readonly decimalOdds: number;
  readonly stakeCents: number;
}

/** The open week as the ledger holds it: the bets of the run's own book, and when their prices were imported. */
function openWeekOf(edgeline: Edgeline): { week: number; pricesImportedAt: string; bets: LedgerOpenBet[] } | null {
  const db = edgeline.ledger();
  try {
    const row = db.prepare('SELECT week, prices_imported_at AS pricesImportedAt, decided_json AS decided FROM live_open_weeks').get() as
      | { week: number; pricesImportedAt: string; decided: string }
      | undefined;
    if (row === undefined) return null;
    const decided = JSON.parse(row.decided) as { bets: (LedgerOpenBet & { status: string; book: string })[] };
    return { week: row.week, pricesImportedAt: row.pricesImportedAt, bets: decided.bets.filter((b) => b.status === 'placed' && b.book === 'active') };
  } finally {
    db.close();
  }
}

function settledWeeks(edgeline: Edgeline): { week: number; profitCents: number; bankrollEndCents: number }[] {
  const db = edgeline.ledger();
  try {
    return db.prepare('SELECT week, profit_cents AS profitCents, bankroll_end_cents AS bankrollEndCents FROM weekly_performance ORDER BY week').all() as {
      week: number;
      profitCents: number;
      bankrollEndCents: number;
    }[];
  } finally {
    db.close();
  }
}

async function seriousOrCritical(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** The site's results file with one settled match's Bet365 home price changed: a later file revising a settled match. */
function reviseFirstSettledPrice(site: FootballDataSite): void {
  const path = '/mmz4281/2324/E0.csv';
  const text = new TextDecoder().decode(site.files.get(path) as Uint8Array);
  const lines = text.split('\n');
  const column = lines[0]!.split(',').indexOf('B365H');
  const cells = lines[1]!.split(',');
  cells[column] = (Number(cells[column]) + 0.05).toFixed(2);
  lines[1] = cells.join(',');
  site.files.set(path, new TextEncoder().encode(lines.join('\n')));
}

/** A data source that accepts every request and never answers: a stalled download to cancel. */
async function startSilentSite(): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const held = new Set<ServerResponse>();
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    held.add(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        held.forEach((r) => r.destroy());
        server.close(() => resolve());
      }),
  };
}

/**
 * The live season in the app, against a football-data site on 127.0.0.1 that serves 2023-24 as
 * it stood before each round: create a live run, Refresh, place the open bets; the next round's
 * results arrive, Refresh settles the week and prices the next; nothing new says so; a failed
 * download changes nothing; a revised settled match raises the alert banner and a notification.
 */
test('This week: a live run refreshed round by round, its open bets, alerts and a failed download', async ({ edgeline }, testInfo) => {
  const { page } = edgeline;
  const site = await startFootballDataSite();
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    publishAsOf(site, WEEKS[0]!);
    await page.getByTestId('nav-week').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This week');

    // No live run yet: the form, with the season today falls in and the configured data source.
    const form = page.getByTestId('live-form');
    await expect(form.getByTestId('live-baseUrl')).toHaveValue(edgeline.dataUrl);
    await form.getByTestId('live-season').fill('2324');
    await form.getByTestId('live-baseUrl').fill(site.url);
    await form.getByTestId('live-modelKind').selectOption('dixon-coles');
    await form.getByTestId('live-strategy').selectOption('model');
    await form.getByTestId('live-minEdge').fill('1');
    await page.screenshot({ path: testInfo.outputPath('this-week-new-run-1280x720.png') });
    // Nothing to train on in an empty ledger and none named: the form says which field, before downloading anything.
    await form.getByTestId('live-start').click();
    await expect(page.getByTestId('live-error')).toHaveText(/^Live run settings, trainingSeasons: the ledger has no E0 season before 2324 to train the model on/);
    expect(site.requests).toEqual([]);
    await form.getByTestId('live-training').fill('2122-2223');
    await form.getByTestId('live-start').click();

    await expect(page.getByTestId('live-summary-headline')).toHaveText('Week 1 priced and staked.', { timeout: 120_000 });
    await expect(page.getByTestId('live-run-name')).toHaveText('Live E0 2324');
    await expect(page.getByTestId('live-open-week-title')).toHaveText(`Week 1 · ${WEEKS[0]!.start} to ${WEEKS[0]!.end}`);
    const first = openWeekOf(edgeline)!;
    expect(first.bets.length).toBeGreaterThan(0);
    await expect(page.getByTestId('open-bet')).toHaveCount(first.bets.length);
    await expect(page.getByTestId('open-bet-stake')).toHaveText(first.bets.map((b) => pounds(b.stakeCents)));
    await expect(page.getByTestId('open-bet-odds')).toHaveText(first.bets.map((b) => b.decimalOdds.toFixed(2)));
    await expect(page.getByTestId('open-bets-staked')).toHaveText(pounds(first.bets.reduce((s, b) => s + b.stakeCents, 0)));
    // The price time is the fixtures file's import, shown on every bet and above the table.
    const importedAt = new Date(first.pricesImportedAt);
    const minute = `${String(importedAt.getHours()).padStart(2, '0')}:${String(importedAt.getMinutes()).padStart(2, '0')}`;
    await expect(page.getByTestId('live-price-time')).toContainText(`Prices imported`);
    await expect(page.getByTestId('live-price-time')).toContainText(minute);
    for (const cell of await page.getByTestId('open-bet-price-time').allTextContents()) expect(cell).toContain(minute);
    await expect(page.getByTestId('live-alert-banner')).toHaveCount(0);
    expect(await seriousOrCritical(page), 'axe on This week').toEqual([]);
    const shot = testInfo.outputPath('this-week-1280x720.png');
    await page.screenshot({ path: shot });
    await testInfo.attach('this-week-1280x720', { path: shot, contentType: 'image/png' });

    // The next round's results are in: Refresh settles week 1 and prices week 2.
    publishAsOf(site, WEEKS[1]!);
    await page.getByTestId('live-refresh').click();
    await expect(page.getByTestId('live-summary-headline')).toHaveText('1 week settled and week 2 priced.', { timeout: 120_000 });
    const settled = settledWeeks(edgeline);
    expect(settled.map((w) => w.week)).toEqual([1]);
    await expect(page.getByTestId('live-summary-line').first()).toContainText(`Week 1 settled (${WEEKS[0]!.start} to ${WEEKS[0]!.end})`);
    await expect(page.getByTestId('live-summary-line').first()).toContainText(`bankroll ${pounds(settled[0]!.bankrollEndCents)}`);
    await expect(page.getByTestId('live-last-settled')).toContainText(`bankroll ${pounds(settled[0]!.bankrollEndCents)}`);
    await expect(page.getByTestId('live-open-week-title')).toHaveText(`Week 2 · ${WEEKS[1]!.start} to ${WEEKS[1]!.end}`);
    const second = openWeekOf(edgeline)!;
    expect(second.week).toBe(2);
    expect(second.bets.length).toBeGreaterThan(0);
    await expect(page.getByTestId('open-bet-stake')).toHaveText(second.bets.map((b) => pounds(b.stakeCents)));
    await page.screenshot({ path: testInfo.outputPath('this-week-settled-1280x720.png') });

    // Again with nothing new on the site: it says so.
    await page.getByTestId('live-refresh').click();
    await expect(page.getByTestId('live-summary-headline')).toHaveText('Nothing new: the site has no new results or fixtures since the last Refresh, and the ledger is unchanged.', { timeout: 60_000 });

    // A Refresh stalled on its download shows its progress and can be cancelled; nothing is written.
    const silent = await startSilentSite();
    try {
      await page.getByTestId('live-data-url').fill(silent.url);
      await page.getByTestId('live-refresh').click();
      await expect(page.getByTestId('live-progress-label')).toContainText(`Downloading E0 2324 results and the fixtures list from ${silent.url}`);
      await expect.poll(() => silent.requests.length).toBeGreaterThan(0);
      // Leaving the screen does not stop it, and coming back follows it again.
      await page.getByTestId('nav-runs').click();
      await page.getByTestId('nav-week').click();
      await expect(page.getByTestId('live-notice')).toHaveText('A Refresh of this run was already running: following it here.');
      await expect(page.getByTestId('live-progress')).toBeVisible();
      await page.getByTestId('live-cancel').click();
      await expect(page.getByTestId('live-notice')).toHaveText(/^Refresh cancelled\./, { timeout: 30_000 });
      await expect(page.getByTestId('live-refresh')).toBeEnabled();
      expect(settledWeeks(edgeline)).toEqual(settled);
      expect(openWeekOf(edgeline)).toEqual(second);
    } finally {
      await silent.close();
    }
    await page.getByTestId('live-data-url').fill(site.url);

    // A failed download: the error names the file, and the ledger is as it was.
    site.files.set('/fixtures.csv', { status: 503 });
    await page.getByTestId('live-refresh').click();
    await expect(page.getByTestId('live-error')).toHaveText(new RegExp(`^Refresh failed: ${site.url.replace(/[.]/g, '\\.')}/fixtures\\.csv: HTTP 503.*the ledger is as it was`), { timeout: 60_000 });
    expect(settledWeeks(edgeline)).toEqual(settled);
    expect(openWeekOf(edgeline)).toEqual(second);

    // A later file revises a settled match: the banner at the top, and the browser's notification once allowed.
    await expect(page.getByTestId('live-notify-permission')).toBeVisible();
    await page.evaluate(() => {
      const shown: { title: string; body: string }[] = [];
      (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
      class RecordedNotification {
        static permission = 'granted';
        constructor(title: string, options: { body: string }) {
          shown.push({ title, body: options.body });
        }
      }
      (window as unknown as { Notification: unknown }).Notification = RecordedNotification;
    });
    publishAsOf(site, WEEKS[1]!);
    reviseFirstSettledPrice(site);
    await page.getByTestId('live-refresh').click();
    const banner = page.getByTestId('live-alert-banner');
    await expect(banner).toBeVisible({ timeout: 60_000 });
    await expect(banner).toContainText('This Refresh raised an alert');
    await expect(banner.getByTestId('live-alert')).toHaveText(/was revised after it was settled: Bet365 pre-match prices \(home \/ draw \/ away\) \d+\.\d\d \/ .* → .*; the ledger keeps it as it was bet$/);
    // At the top of the screen, above the page's heading.
    expect((await banner.boundingBox())!.y).toBeLessThan((await page.getByRole('heading', { level: 1 }).boundingBox())!.y);
    const shown = await page.evaluate(() => (window as unknown as { shownNotifications: { title: string; body: string }[] }).shownNotifications);
    expect(shown).toEqual([{ title: 'Edgeline: an alert on Live E0 2324', body: expect.stringMatching(/was revised after it was settled/) }]);
    expect(settledWeeks(edgeline)).toEqual(settled);
    expect(await seriousOrCritical(page), 'axe on This week with an alert').toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('this-week-alert-1280x720.png') });

    // The week's report, handed over as a file in the browser.
    const download = page.waitForEvent('download');
    await page.getByTestId('live-open-report').click();
    const report = await download;
    expect(report.suggestedFilename()).toBe(`week-02-${WEEKS[1]!.start}.html`);
    expect(readFileSync(await report.path(), 'utf8')).toContain('data-field="week">2<');

    // In the run list the run reads live with its open week, and its page says how it is played.
    await page.getByTestId('nav-runs').click();
    const runId = (await edgeline.invoke('live:list', {})).runs[0]!.run.id;
    await expect(page.getByTestId(`run-status-${runId}`)).toHaveText('live · week 2 open');
    await page.getByTestId(`run-open-${runId}`).click();
    await expect(page.getByTestId('playback-live')).toHaveText(/^This is a live run: use This week → Refresh/);
    await expect(page.getByTestId('run-status')).toHaveText('live · week 2 open');
    // The keyboard's "next week" still reaches the engine: it is refused in words, and nothing is played.
    await page.locator('body').press('n');
    await expect(page.getByTestId('playback-error')).toHaveText('"Live E0 2324" is a live run: use This week → Refresh to settle its open week and price the next.');
    expect(settledWeeks(edgeline)).toEqual(settled);
    await page.screenshot({ path: testInfo.outputPath('live-run-dashboard-1280x720.png') });
  } finally {
    await site.close();
  }
});
