import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { openLedger, type LedgerDatabase } from '../ledger/ledger-database';
import { readBankrollHistory, readBets, readPerformance } from '../ledger/run-repository';
import { readOpenWeek } from '../ledger/live-run-repository';
import { parseFootballDataCsv } from '../ingest/football-data-csv';
import { bettingWeeksOf } from '../domain/football/betting-week';
import { runWeekly, type WeeklyOutcome } from './weekly';
import { writeWeekReports } from './week-report';
import { openBetsOf } from './live-season';
import { exitCodeOf, EXIT } from '../cli/weekly';
import { seasonFile } from './testing/season-fixture';
import { resultsCsvOf } from './testing/live-data';
import { publishAsOf, startFootballDataSite, type FootballDataSite } from './testing/football-data-site';

const SEASON_BYTES = new Uint8Array(readFileSync(seasonFile('2324')));
const WEEKS = bettingWeeksOf(parseFootballDataCsv(SEASON_BYTES, { file: seasonFile('2324') }));
const ARTEFACTS = resolve('test-results', 'week-report');

describe('the weekly HTML report in Chromium, offline', () => {
  let site: FootballDataSite;
  let dir: string;
  let db: LedgerDatabase;
  let browser: Browser;
  let outcome: WeeklyOutcome;
  let reportFile: string;

  beforeAll(async () => {
    site = await startFootballDataSite();
    dir = mkdtempSync(join(tmpdir(), 'edgeline-report-'));
    db = openLedger(join(dir, 'ledger.sqlite'));
    const request = { div: 'E0', season: '2324', baseUrl: site.url, settings: { modelKind: 'dixon-coles' as const, trainingSeasons: ['2122', '2223'] }, retries: 0 };
    publishAsOf(site, WEEKS[3]!);
    await runWeekly(db, request);
    // The next results file corrects a score of week 1, which the run settled long ago.
    publishAsOf(site, WEEKS[4]!);
    const revised = new TextDecoder().decode(resultsCsvOf(SEASON_BYTES, (r) => r.date < WEEKS[4]!.start)).replace('E0,11/08/2023,20:00,Burnley,Man City,0,3,A', 'E0,11/08/2023,20:00,Burnley,Man City,0,2,A');
    site.files.set('/mmz4281/2324/E0.csv', new TextEncoder().encode(revised));
    outcome = await runWeekly(db, request);
    reportFile = writeWeekReports(db, outcome.runId, join(dir, 'reports'))!;
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    db.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('flags the revision at the top of the report and tells a scheduler with exit status 20', () => {
    expect(outcome.alerts).toEqual([
      'Burnley v Man City (2023-08-11) was revised after it was settled: away goals 3 → 2; the ledger keeps it as it was bet',
    ]);
    expect(exitCodeOf(outcome)).toBe(EXIT.alert);
  });

  it("opens with no network, shows the alerts first, and its numbers are the ledger's", async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(reportFile).href);
    mkdirSync(ARTEFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTEFACTS, 'week-05.png'), fullPage: true });
    expect(requests).toEqual([]);

    const firstSection = await page.locator('body > section').first().innerText();
    expect(firstSection).toContain('Burnley v Man City was revised after it was settled: away goals 3 → 2; the ledger keeps it as it was bet.');
    const field = async (name: string) => (await page.locator(`[data-field="${name}"]`).innerText()).trim();
    const cents = async (name: string) => Math.round(Number(await field(name)) * 100);

    const runId = outcome.runId;
    const performance = readPerformance(db, runId);
    const last = performance.at(-1)!;
    const bankroll = readBankrollHistory(db, runId);
    const staked = readBets(db, runId, { stakedOnly: true });
    const open = openBetsOf(readOpenWeek(db, runId));
    expect(await field('week')).toBe('5');
    expect(await field('settled-week')).toBe(String(last.week));
    expect(await cents('settled-profit')).toBe(last.profitCents);
    expect(await cents('settled-staked')).toBe(last.stakedCents);
    expect(await cents('bankroll')).toBe(bankroll.at(-1)!.bankrollCents);
    expect(await cents('profit')).toBe(staked.reduce((s, b) => s + (b.status === 'settled' ? b.profitCents : 0), 0));
    expect(Number(await field('bets'))).toBe(staked.length);
    expect(Number(await field('open-bets'))).toBe(open.length);
    const slip = await page.locator('tr[data-bet] [data-field="bet-stake"]').evaluateAll((cells) => cells.map((c) => c.textContent));
    const settledRows = readBets(db, runId, { week: last.week, stakedOnly: true }).length;
    expect(slip.slice(0, open.length).map((t) => Math.round(Number(t) * 100))).toEqual(open.map((b) => b.stakeCents));
    expect(slip).toHaveLength(open.length + settledRows);
    expect(await page.locator('svg circle').count()).toBe(bankroll.length + 1);
    await page.close();
  }, 60_000);
});
