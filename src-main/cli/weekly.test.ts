import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { openLedger } from '../ledger/ledger-database';
import { readBets, readPerformance, readPredictions, readRunModels } from '../ledger/run-repository';
import { findLiveRunId, readOpenWeek } from '../ledger/live-run-repository';
import { parseFootballDataCsv } from '../ingest/football-data-csv';
import { bettingWeeksOf } from '../domain/football/betting-week';
import { seasonFile } from '../season/testing/season-fixture';
import { publishAsOf, startFootballDataSite, type FootballDataSite } from '../season/testing/football-data-site';
import { EXIT, exitCodeOf, parseWeeklyArgs, slipText } from './weekly';

const CLI = join(process.cwd(), 'src-main/cli/weekly.ts');
const WEEKS = bettingWeeksOf(parseFootballDataCsv(new Uint8Array(readFileSync(seasonFile('2324'))), { file: seasonFile('2324') }));
const run = promisify(execFile);

describe('parseWeeklyArgs', () => {
  it('defaults to E0, the season today falls in, the website and reports beside the ledger', () => {
    expect(parseWeeklyArgs(['--db', '/data/ledger.sqlite'], new Date('2024-11-28T12:00:00Z'))).toEqual({
      db: '/data/ledger.sqlite', div: 'E0', season: '2425', dataUrl: 'https://www.football-data.co.uk', reports: '/data/reports', json: false,
    });
    expect(parseWeeklyArgs(['--db', 'x.sqlite'], new Date('2025-06-30T12:00:00Z')).season).toBe('2425');
    expect(parseWeeklyArgs(['--db', 'x.sqlite'], new Date('2025-07-01T12:00:00Z')).season).toBe('2526');
    expect(parseWeeklyArgs(['--db', 'x.sqlite', '--model', 'dixon-coles', '--train', '2122-2223', '--json'])).toMatchObject({ modelKind: 'dixon-coles', trainingSeasons: ['2122', '2223'], json: true });
  });

  it.each([
    [[], 'Missing --db <ledger.sqlite>'],
    [['--db', 'x', '--div', 'e0'], '--div "e0": expected a division code like E0'],
    [['--db', 'x', '--season', '23-24'], '--season "23-24": expected a season code like 2324 for 2023-24'],
    [['--db', 'x', '--data-url', 'ftp://x'], '--data-url "ftp://x": expected an http(s) URL'],
    [['--db', 'x', '--model', 'xgboost'], '--model "xgboost": expected one of dixon-coles, feature-net, ensemble'],
    [['--db', 'x', 'now'], 'Unexpected argument "now"'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseWeeklyArgs(argv)).toThrow(message);
  });

  it('tells a scheduler: an alert outranks new bets, which outrank nothing new', () => {
    expect(exitCodeOf({ alerts: ['x'], newBets: true })).toBe(EXIT.alert);
    expect(exitCodeOf({ alerts: [], newBets: true })).toBe(EXIT.newBets);
    expect(exitCodeOf({ alerts: [], newBets: false })).toBe(EXIT.nothingNew);
  });
});

/** The ledger's content that must not depend on when or how often weekly ran (ids and timestamps aside). */
function ledgerContent(dbFile: string): string {
  const db = openLedger(dbFile);
  try {
    const runId = findLiveRunId(db, { div: 'E0', season: '2324' });
    if (runId === null) return 'no run';
    return JSON.stringify({
      performance: readPerformance(db, runId),
      active: readBets(db, runId),
      static: readBets(db, runId, { book: 'static' }),
      predictions: readPredictions(db, runId),
      models: readRunModels(db, runId).map(({ modelId: _id, ...m }) => m),
      open: readOpenWeek(db, runId)?.decided.bets,
      matches: db.prepare('SELECT count(*) FROM matches').pluck().get(),
      fixtures: db.prepare('SELECT id FROM fixtures ORDER BY id').pluck().all(),
    });
  } finally {
    db.close();
  }
}

describe('npm run weekly as a child process', () => {
  let site: FootballDataSite;
  let dir: string;
  const argsFor = (db: string) => ['--import', 'tsx', CLI, '--db', db, '--season', '2324', '--data-url', site.url, '--model', 'dixon-coles', '--train', '2122,2223', '--json'];
  const settle = (p: Promise<{ stdout: string; stderr: string }>) => p.then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);
  const weekly = (db: string) => settle(run(process.execPath, argsFor(db)));
  /** What `npm run weekly` runs: the prebuilt bundle, built first when it is missing or stale. */
  const bundled = (db: string) => settle(run(process.execPath, ['scripts/bundled-cli.mjs', 'weekly', ...argsFor(db).slice(3)]));

  beforeAll(async () => {
    site = await startFootballDataSite();
    dir = mkdtempSync(join(tmpdir(), 'edgeline-weekly-cli-'));
    publishAsOf(site, WEEKS[3]!);
  });
  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let reference = '';
  let referenceMs = 0;

  it('prints one JSON object, exits 10 (or 20 with an alert) with new bets, then (from the bundle npm run weekly runs) 0 with changed false, and writes the report', async () => {
    const db = join(dir, 'reference.sqlite');
    const started = Date.now();
    const first = await weekly(db);
    referenceMs = Date.now() - started;
    const printed = JSON.parse(first.stdout) as { settled: { week: number }[]; open: { match: string; selection: string; odds: number; stake: number }[]; alerts: string[]; changed: boolean; report: string };
    expect(first.code).toBe(printed.alerts.length > 0 ? EXIT.alert : EXIT.newBets);
    expect(printed.settled.map((s) => s.week)).toEqual([1, 2, 3]);
    expect(printed.changed).toBe(true);
    for (const bet of printed.open) expect(Object.keys(bet)).toEqual(expect.arrayContaining(['match', 'selection', 'odds', 'stake']));
    expect(readdirSync(join(dir, 'reports')).sort()).toEqual([`week-04-${WEEKS[3]!.start}-slip.csv`, `week-04-${WEEKS[3]!.start}.html`]);
    reference = ledgerContent(db);

    const second = await bundled(db);
    expect(second.code, second.stderr).toBe(EXIT.nothingNew);
    expect(JSON.parse(second.stdout)).toMatchObject({ settled: [], alerts: [], changed: false });
    expect(ledgerContent(db)).toBe(reference);
  }, 120_000);

  it('never loads TensorFlow.js for a Dixon-Coles run: only training the multinomial feature net needs it', async () => {
    await run(process.execPath, ['scripts/bundled-cli.mjs', '--build', 'weekly']);
    const bundle = pathToFileURL(join(process.cwd(), 'out/cli/weekly.mjs')).href;
    const args = argsFor(join(dir, 'tf-probe.sqlite')).slice(3);
    // TF.js is CommonJS: whatever part of it loads appears in the module cache.
    const probe = `import { createRequire } from 'node:module';
      const { main } = await import(${JSON.stringify(bundle)});
      await main(${JSON.stringify(args)});
      const cache = Object.keys(createRequire(process.cwd() + '/').cache);
      process.stdout.write('\\n' + JSON.stringify({ tf: cache.filter((k) => k.includes('@tensorflow')), sqlite: cache.some((k) => k.includes('better-sqlite3')) }));`;
    const done = await settle(run(process.execPath, ['--input-type=module', '-e', probe]));
    const printed = JSON.parse(done.stdout.trim().split('\n').at(-1)!) as { tf: string[]; sqlite: boolean };
    expect(JSON.parse(done.stdout.trim().split('\n')[0]!)).toMatchObject({ settled: [{ week: 1 }, { week: 2 }, { week: 3 }] });
    expect(printed).toEqual({ tf: [], sqlite: true });
  }, 120_000);

  it('exits 1 with the failure named and the ledger unchanged when the site is down', async () => {
    const db = join(dir, 'reference.sqlite');
    site.files.set('/fixtures.csv', { status: 404 });
    const failed = await weekly(db);
    publishAsOf(site, WEEKS[3]!);
    expect(failed.code).toBe(EXIT.error);
    expect(JSON.parse(failed.stderr)).toEqual({ error: `${site.url}/fixtures.csv: HTTP 404 Not Found: the server has no such file (check the season and division)` });
    expect(ledgerContent(db)).toBe(reference);
  }, 60_000);

  it('gives the same ledger after kill -9 at random points and one more run', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const db = join(dir, `killed-${attempt}.sqlite`);
      const child = spawn(process.execPath, argsFor(db), { stdio: 'ignore' });
      // Listened for from the start: a call faster than the reference (whose first run paid a cold
      // start) may end before the kill, and an exit heard only afterwards would never come.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const delay = Math.floor(Math.random() * referenceMs);
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      const again = await weekly(db);
      expect([EXIT.newBets, EXIT.alert, EXIT.nothingNew], `attempt ${attempt} killed after ${delay} ms: ${again.stderr}`).toContain(again.code);
      expect(ledgerContent(db), `killed after ${delay} ms`).toBe(reference);
    }
  }, 300_000);
});

describe('slipText', () => {
  it('prints alerts first, then the settled week, the retrain, the slip and whether the ledger changed', () => {
    const text = slipText(
      {
        runId: 'r',
        settled: [{ week: 6, weekStart: '2023-09-26', weekEnd: '2023-10-02', bets: 2, staked: 250, profit: -12.5, bankroll: 10237.5 }],
        open: [{ match: 'Arsenal v Man City', date: '2023-10-08', kickoff: '16:30', selection: 'away', odds: 2.6, stake: 115, edge: 0.04, pricesImportedAt: '2023-10-03T07:30:00.000Z' }],
        openWeek: { week: 7, weekStart: '2023-10-03', pricesImportedAt: '2023-10-03T07:30:00.000Z' },
        alerts: ['Week 6: model behind the market'],
        revisions: [],
        voided: [],
        retrained: ['model v3 fitted before week 7 (degradation: Brier gap)'],
        changed: true,
        newBets: true,
      },
      '/r/week-07-2023-10-03.html',
    );
    expect(text).toBe(
      [
        'ALERT: Week 6: model behind the market',
        'Settled week 6 (2023-09-26 to 2023-10-02): 2 bets, staked 250.00, profit -12.50, bankroll 10237.50',
        'Retrained: model v3 fitted before week 7 (degradation: Brier gap)',
        'Week 7 from 2023-10-03: 1 bet at the prices imported 2023-10-03T07:30:00.000Z',
        '  2023-10-08 16:30  Arsenal v Man City                 away  @   2.60  stake    115.00',
        'Report: /r/week-07-2023-10-03.html',
        'The ledger was updated.',
        '',
      ].join('\n'),
    );
  });
});
