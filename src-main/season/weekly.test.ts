import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger, type LedgerDatabase } from '../ledger/ledger-database';
import { readBets, readPerformance, readBankrollHistory, readPredictions } from '../ledger/run-repository';
import { parseFootballDataCsv } from '../ingest/football-data-csv';
import { addDays, bettingWeeksOf } from '../domain/football/betting-week';
import { runWeekly, type WeeklyRequest } from './weekly';
import { weekReportOf } from './week-report';
import { findRun } from '../ledger/run-repository';
import { openBetsOf } from './live-season';
import { findLiveRunId, readLiveInputs, readOpenWeek, readVoidBets } from '../ledger/live-run-repository';
import { importFiles } from '../ingest/import-service';
import { isStaked } from '../domain/season/week-bet';
import { FAST_RUN, ledgerWithSeasons, seasonFile } from './testing/season-fixture';
import { fixturesCsvOf, redatedCsv, resultsCsvOf } from './testing/live-data';
import { ledgerDump, publishAsOf, startFootballDataSite, type FootballDataSite } from './testing/football-data-site';

const SEASON_BYTES = new Uint8Array(readFileSync(seasonFile('2324')));
const WEEKS = bettingWeeksOf(parseFootballDataCsv(SEASON_BYTES, { file: seasonFile('2324') }));
const SETTINGS = { modelKind: 'dixon-coles' as const, trainingSeasons: ['2122', '2223'], minEdge: 0.03, seed: 7 };

describe('runWeekly against a football-data site on 127.0.0.1', () => {
  let site: FootballDataSite;
  let dir: string;
  let db: LedgerDatabase;
  let request: WeeklyRequest;

  beforeAll(async () => {
    site = await startFootballDataSite();
    dir = mkdtempSync(join(tmpdir(), 'edgeline-weekly-'));
    db = openLedger(join(dir, 'ledger.sqlite'));
    request = { div: 'E0', season: '2324', baseUrl: site.url, settings: SETTINGS, retries: 0, retryDelayMs: 1 };
  });

  afterAll(async () => {
    db.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('downloads the training seasons, opens week 1 from the fixtures before the season has a results file', async () => {
    publishAsOf(site, WEEKS[0]!);
    const first = await runWeekly(db, request);
    expect(first).toMatchObject({ settled: [], changed: true, newBets: true, alerts: [] });
    expect(first.openWeek).toMatchObject({ week: 1, weekStart: WEEKS[0]!.start });
    expect(first.open.length).toBe(openBetsOf(readOpenWeek(db, first.runId)).length);
    expect(site.requests).toEqual(['/mmz4281/2122/E0.csv', '/mmz4281/2223/E0.csv', '/mmz4281/2324/E0.csv', '/fixtures.csv']);
  });

  it('changes nothing when run again with nothing new, and says so', async () => {
    const before = ledgerDump(db);
    const again = await runWeekly(db, request);
    expect(again).toMatchObject({ settled: [], changed: false, newBets: false, alerts: [] });
    expect(ledgerDump(db)).toBe(before);
  });

  it('does the whole work again, changing nothing, when the last call was killed before it marked the run up to date', async () => {
    const runId = findLiveRunId(db, request)!;
    const marked = readLiveInputs(db, runId);
    expect(marked).toMatch(/^[0-9a-f]{64}$/);
    const before = ledgerDump(db);
    db.prepare('UPDATE live_runs SET inputs_sha256 = NULL WHERE run_id = ?').run(runId);
    expect(await runWeekly(db, request)).toMatchObject({ settled: [], changed: false, newBets: false, alerts: [] });
    expect(readLiveInputs(db, runId)).toBe(marked);
    expect(ledgerDump(db)).toBe(before);

    // A file imported by another path (npm run import, the app) is new data: the run is checked against it.
    expect(importFiles(db, [{ path: seasonFile('2122'), bytes: new Uint8Array(readFileSync(seasonFile('2122'))) }]).failed).toEqual([]);
    expect(await runWeekly(db, request)).toMatchObject({ settled: [], changed: false, newBets: false });
    expect(readLiveInputs(db, runId)).not.toBe(marked);
  });

  it('settles week 1 and opens week 2 when the results arrive, the slip lines naming match, selection, odds and stake', async () => {
    publishAsOf(site, WEEKS[1]!);
    const outcome = await runWeekly(db, request);
    expect(outcome.settled.map((s) => s.week)).toEqual([1]);
    expect(outcome.openWeek?.week).toBe(2);
    const bets = openBetsOf(readOpenWeek(db, outcome.runId));
    expect(outcome.open.map((b) => [b.odds, b.stake * 100])).toEqual(bets.map((b) => [b.decimalOdds, b.stakeCents]));
    for (const line of outcome.open) expect(line.match).toMatch(/^\S.* v \S.*$/);
    const performance = readPerformance(db, outcome.runId);
    expect(outcome.settled[0]!.bankroll * 100).toBe(performance[0]!.bankrollEndCents);
  });

  it('changes nothing when a download fails half-way, and names the file', async () => {
    const before = ledgerDump(db);
    publishAsOf(site, WEEKS[2]!);
    site.files.set('/fixtures.csv', { halfThenDrop: fixturesCsvOf(SEASON_BYTES, (r) => r.date >= WEEKS[2]!.start && r.date <= WEEKS[2]!.end) });
    await expect(runWeekly(db, request)).rejects.toThrow(`${site.url}/fixtures.csv: network error`);
    site.files.set('/fixtures.csv', { status: 503 });
    await expect(runWeekly(db, request)).rejects.toThrow(`${site.url}/fixtures.csv: HTTP 503 Service Unavailable, 1 attempt`);
    expect(ledgerDump(db)).toBe(before);
  });

  it('imports nothing, results included, from a call whose fixtures file has a bad row, and names the row', async () => {
    const before = ledgerDump(db);
    const good = new TextDecoder().decode(fixturesCsvOf(SEASON_BYTES, (r) => r.date >= WEEKS[2]!.start && r.date <= WEEKS[2]!.end));
    const lines = good.trimEnd().split('\n');
    lines[3] = lines[3]!.replace(/^E0,(\d\d\/\d\d\/\d{4}),/, 'E0,$1x,');
    site.files.set('/fixtures.csv', new TextEncoder().encode(`${lines.join('\n')}\n`));
    await expect(runWeekly(db, request)).rejects.toThrow(`${site.url}/fixtures.csv line 4, column Date: expected a date as dd/mm/yy or dd/mm/yyyy, found`);
    expect(ledgerDump(db)).toBe(before);
  });

  it('refuses other settings for the existing live run', async () => {
    await expect(runWeekly(db, { ...request, settings: { ...SETTINGS, minEdge: 0.05 } })).rejects.toThrow(
      'The live run "Live E0 2324" already exists with minEdge = 0.03; it cannot change to 0.05 mid-season (leave the option out, or use another --db)',
    );
  });

  it("writes a report whose numbers are the ledger's", async () => {
    publishAsOf(site, WEEKS[3]!);
    const outcome = await runWeekly(db, request);
    expect(outcome.settled.map((s) => s.week)).toEqual([2, 3]);
    const run = findRun(db, outcome.runId)!;
    const report = weekReportOf(db, run)!;
    const fields = new Map([...report.html.matchAll(/data-field="([a-z-]+)">([^<]*)</g)].map((m) => [m[1]!, m[2]!]));
    const performance = readPerformance(db, run.id);
    const last = performance.at(-1)!;
    const cents = (text: string | undefined): number => Math.round(Number(text) * 100);
    expect(fields.get('week')).toBe('4');
    expect(cents(fields.get('settled-profit'))).toBe(last.profitCents);
    expect(cents(fields.get('settled-bankroll'))).toBe(last.bankrollEndCents);
    expect(cents(fields.get('bankroll'))).toBe(readBankrollHistory(db, run.id).at(-1)!.bankrollCents);
    const settled = readBets(db, run.id, { stakedOnly: true });
    expect(cents(fields.get('staked'))).toBe(settled.reduce((s, b) => s + (b.status === 'rejected' ? 0 : b.stakeCents), 0));
    expect(cents(fields.get('profit'))).toBe(settled.reduce((s, b) => s + (b.status === 'settled' ? b.profitCents : 0), 0));
    const open = openBetsOf(readOpenWeek(db, run.id));
    expect(Number(fields.get('open-bets'))).toBe(open.length);
    expect(cents(fields.get('open-staked'))).toBe(open.reduce((s, b) => s + b.stakeCents, 0));
    const slipStakes = [...report.html.matchAll(/<tr data-bet="([^"]+)"><td>[^<]*<\/td><td>[^<]*<\/td><td>[^<]*<\/td><td class="n" data-field="bet-odds">([^<]+)<\/td><td class="n" data-field="bet-stake">([^<]+)</g)];
    expect(slipStakes.map((m) => [m[1], Number(m[2]), cents(m[3])])).toEqual(open.map((b) => [`${b.matchId}|${b.outcome}`, Number(b.decimalOdds.toFixed(2)), b.stakeCents]));
    const svgPoints = [...report.html.matchAll(/data-week="(\d+)" data-cents="(-?\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(svgPoints).toEqual([[0, run.startingBankrollCents], ...readBankrollHistory(db, run.id).map((b) => [b.week, b.bankrollCents])]);
    expect(report.html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(report.csv.split('\n')[0]).toContain('week,kickoff,match,selection');
    expect(report.csv.trimEnd().split('\n')).toHaveLength(open.length + 1);
  });

  it('leaves, round by round over HTTP, the ledger a replay of the same weeks with the same settings writes', async () => {
    const replay = ledgerWithSeasons(['2122', '2223', '2324']);
    try {
      const runId = replay.service.createRun({ ...SETTINGS, name: 'replay', div: 'E0', holdoutSeason: '2324' }).id;
      for (let w = 0; w < 3; w += 1) await replay.service.step(runId);
      const replayDb = openLedger(replay.databaseFile);
      const live = findRun(db, (await runWeekly(db, request)).runId)!;
      try {
        expect(readPerformance(db, live.id)).toEqual(readPerformance(replayDb, runId));
        for (const book of ['active', 'static'] as const) expect(readBets(db, live.id, { book })).toEqual(readBets(replayDb, runId, { book }));
        expect(readPredictions(db, live.id)).toEqual(readPredictions(replayDb, runId));
      } finally {
        replayDb.close();
      }
    } finally {
      replay.service.close();
      rmSync(replay.dir, { recursive: true, force: true });
    }
  });

  it('refuses to start a live run with nothing to train on, before writing anything', async () => {
    const empty = openLedger(join(dir, 'empty.sqlite'));
    try {
      const before = ledgerDump(empty);
      await expect(runWeekly(empty, { ...request, settings: { modelKind: 'dixon-coles' } })).rejects.toThrow(
        'No E0 season before 2324 in the ledger to train the model on: import earlier seasons (npm run import) or give --train',
      );
      expect(ledgerDump(empty)).toBe(before);
    } finally {
      empty.close();
    }
  });
});

describe('runWeekly when open fixtures move (a ledger file, the site on 127.0.0.1)', () => {
  it('settles a fixture moved to another day of the open week as the same match at its price, and voids one moved to a later week', async () => {
    const site = await startFootballDataSite();
    const dir = mkdtempSync(join(tmpdir(), 'edgeline-weekly-moved-'));
    const db = openLedger(join(dir, 'ledger.sqlite'));
    try {
      // The model's own probabilities (FAST_RUN's strategy) stake more matches a week than the market-consensus default.
      const { name: _n, div: _d, holdoutSeason: _h, ...settings } = FAST_RUN;
      const request: WeeklyRequest = { div: 'E0', season: '2324', baseUrl: site.url, settings, retries: 0, retryDelayMs: 1 };
      const [w1, w2, w3] = WEEKS;
      publishAsOf(site, w1!);
      const first = await runWeekly(db, request);
      const open = readOpenWeek(db, first.runId)!;
      const staked = open.fixtures.filter((f) => openBetsOf(open).some((b) => b.matchId === f.id));
      const within = staked.find((f) => f.date < w1!.end)!;
      const out = staked.find((f) => f !== within)!;
      expect([within, out].every(Boolean)).toBe(true);
      const withinDate = addDays(within.date, 1);
      const outDate = addDays(out.date, 7);
      expect(outDate >= w2!.start && outDate <= w2!.end).toBe(true);

      // Both moves show in the fixtures file during the week; the week stays open as it was bet.
      site.files.set('/fixtures.csv', redatedCsv(redatedCsv(fixturesCsvOf(SEASON_BYTES, (r) => r.date >= w1!.start && r.date <= w1!.end), within, withinDate), out, outDate));
      expect(await runWeekly(db, request)).toMatchObject({ settled: [], voided: [], alerts: [], newBets: false });
      expect(readOpenWeek(db, first.runId)).toEqual(open);

      // The next call finds both played on their new days (weeks 1 and 2 in), and week 3's fixtures.
      site.files.set('/mmz4281/2324/E0.csv', redatedCsv(redatedCsv(resultsCsvOf(SEASON_BYTES, (r) => r.date < w3!.start), within, withinDate), out, outDate));
      site.files.set('/fixtures.csv', fixturesCsvOf(SEASON_BYTES, (r) => r.date >= w3!.start && r.date <= w3!.end));
      const outcome = await runWeekly(db, request);
      expect(outcome.settled.map((s) => s.week)).toEqual([1, 2]);
      const name = (f: { homeTeam: string; awayTeam: string }) => `${f.homeTeam} v ${f.awayTeam}`;
      const outBets = openBetsOf(open).filter((b) => b.matchId === out.id);
      expect(outcome.voided.map((v) => [v.match, v.date, v.odds, v.stake * 100])).toEqual(outBets.map((b) => [name(out), out.date, b.decimalOdds, b.stakeCents]));
      expect(outcome.alerts).toEqual(expect.arrayContaining([expect.stringContaining(`${name(out)} (${out.date}) was not played on its date`)]));
      expect(readVoidBets(db, first.runId).map((b) => [b.book, b.matchId, b.status])).toEqual(open.decided.bets.filter((b) => b.status === 'placed' && b.matchId === out.id).map((b) => [b.book, out.id, 'void']));
      const settledWithin = readBets(db, first.runId, { week: 1, stakedOnly: true }).filter((b) => b.matchId === within.id);
      expect(settledWithin.map((b) => [b.status, b.outcome, b.decimalOdds, isStaked(b) ? b.stakeCents : null])).toEqual(openBetsOf(open).filter((b) => b.matchId === within.id).map((b) => ['settled', b.outcome, b.decimalOdds, b.stakeCents]));
      expect(readPerformance(db, first.runId, 1)[0]!.matches).toBe(open.fixtures.length - 1);
      expect(readPredictions(db, first.runId).filter((p) => p.matchId === out.id).every((p) => p.week === 2)).toBe(true);
      expect(outcome.revisions).toEqual([]);
    } finally {
      db.close();
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
