import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger, type LedgerDatabase } from '../ledger/ledger-database';
import { importFiles } from '../ingest/import-service';
import { importFixturesFile } from '../ingest/import-fixtures';
import { readBets, readPerformance, readPredictions, readRunModels, readAlerts, readBankrollHistory } from '../ledger/run-repository';
import { readOpenWeek, readRevisions, readVoidBets } from '../ledger/live-run-repository';
import { parseFootballDataCsv } from '../ingest/football-data-csv';
import { addDays, bettingWeeksOf, type BettingWeek } from '../domain/football/betting-week';
import type { EdgelineService } from '../app/edgeline-service';
import { isStaked } from '../domain/season/week-bet';
import { advanceLiveRun, describeRevision, findOrCreateLiveRun, openBetsOf } from './live-season';
import { ledgerModelStore } from './ledger-model-store';
import { FAST_RUN, ledgerWithSeasons, seasonFile } from './testing/season-fixture';
import { fixturesCsvOf, redatedCsv, resultsCsvOf } from './testing/live-data';

const WEEKS = 7;
const SEASON_BYTES = new Uint8Array(readFileSync(seasonFile('2324')));
const SEASON = parseFootballDataCsv(SEASON_BYTES, { file: seasonFile('2324') });
const WEEKS_OF_SEASON = bettingWeeksOf(SEASON);
const { name: _name, div: _div, holdoutSeason: _holdout, ...LIVE_SETTINGS } = FAST_RUN;
const RESULTS_URL = 'http://127.0.0.1/mmz4281/2324/E0.csv';
const FIXTURES_URL = 'http://127.0.0.1/fixtures.csv';

/** A ledger with the training seasons, as a live run starts: the current season comes in week by week. */
function liveLedger(): { db: LedgerDatabase; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'edgeline-live-'));
  const db = openLedger(join(dir, 'live.sqlite'));
  const summary = importFiles(db, ['2122', '2223'].map((s) => ({ path: seasonFile(s), bytes: new Uint8Array(readFileSync(seasonFile(s))) })));
  expect(summary.failed).toEqual([]);
  return { db, dir };
}

/** The files of the site as they stood when `week` was the next to be played: results before it, fixtures of it. */
function importSiteAsOf(db: LedgerDatabase, week: BettingWeek, at: Date): void {
  // Before the season's first round the site has no results file for it yet.
  if (week.index > 1) expect(importFiles(db, [{ url: RESULTS_URL, bytes: resultsCsvOf(SEASON_BYTES, (r) => r.date < week.start) }]).failed).toEqual([]);
  importFixturesFile(db, { source: FIXTURES_URL, bytes: fixturesCsvOf(SEASON_BYTES, (r) => r.date >= week.start && r.date <= week.end) }, at);
}

describe('describeRevision', () => {
  it('says what changed in words: field names, prices as home / draw / away with two decimals, a missing price as none', () => {
    expect(
      describeRevision('Burnley v Man City (2023-08-11)', [
        { field: 'awayGoals', settled: 3, now: 2 },
        { field: 'odds.b365', settled: [8, 5.5, 1.33], now: [8.05, 5.5, 1.33] },
        { field: 'odds.pinnacleClose', settled: null, now: [8.1, 5.6, 1.32] },
        { field: 'kickoff', settled: '20:00', now: '19:45' },
      ]),
    ).toBe(
      'Burnley v Man City (2023-08-11) was revised after it was settled: away goals 3 → 2, ' +
        'Bet365 pre-match prices (home / draw / away) 8.00 / 5.50 / 1.33 → 8.05 / 5.50 / 1.33, ' +
        'Pinnacle closing prices (home / draw / away) none → 8.10 / 5.60 / 1.32, kick-off 20:00 → 19:45; the ledger keeps it as it was bet',
    );
  });
});

describe('a live run on 2023-24 against a replay of it with the same settings', () => {
  let service: EdgelineService;
  let replayDir: string;
  let replayDb: LedgerDatabase;
  let replayRunId: string;
  let live: { db: LedgerDatabase; dir: string };
  let liveRunId: string;

  beforeAll(async () => {
    ({ service, dir: replayDir } = ledgerWithSeasons(['2122', '2223', '2324']));
    replayRunId = service.createRun(FAST_RUN).id;
    for (let w = 0; w < WEEKS; w += 1) await service.step(replayRunId);
    replayDb = openLedger(join(replayDir, 'ledger.sqlite'));

    live = liveLedger();
    const run = findOrCreateLiveRun(live.db, { div: 'E0', season: '2324' }, LIVE_SETTINGS);
    liveRunId = run.id;
    const store = ledgerModelStore(live.db, run.id);
    // Round by round: the fixtures of week w are out, then its results arrive with week w+1's fixtures.
    for (let w = 0; w < WEEKS; w += 1) {
      const week = WEEKS_OF_SEASON[w]!;
      importSiteAsOf(live.db, week, new Date(`${week.start}T08:00:00Z`));
      const advance = await advanceLiveRun(live.db, run, store, { now: () => new Date(`${week.start}T09:00:00Z`) });
      expect(advance.opened).toBe(true);
      expect(advance.open?.week).toBe(w + 1);
      expect(advance.settled.map((s) => s.performance.week)).toEqual(w === 0 ? [] : [w]);
    }
    importSiteAsOf(live.db, WEEKS_OF_SEASON[WEEKS]!, new Date(`${WEEKS_OF_SEASON[WEEKS]!.start}T08:00:00Z`));
    await advanceLiveRun(live.db, run, store);
  }, 120_000);

  afterAll(() => {
    replayDb.close();
    service.close();
    live.db.close();
    rmSync(replayDir, { recursive: true, force: true });
    rmSync(live.dir, { recursive: true, force: true });
  });

  it('settles the same weeks with the same bets, bet for bet, in both books', () => {
    const weeks = (db: LedgerDatabase, runId: string) => readPerformance(db, runId).filter((p) => p.week <= WEEKS);
    expect(weeks(live.db, liveRunId)).toHaveLength(WEEKS);
    expect(weeks(live.db, liveRunId)).toEqual(weeks(replayDb, replayRunId));
    for (const book of ['active', 'static'] as const) {
      const bets = (db: LedgerDatabase, runId: string) => readBets(db, runId, { book }).filter((b) => b.week <= WEEKS);
      expect(bets(live.db, liveRunId)).toEqual(bets(replayDb, replayRunId));
    }
    expect(readBets(live.db, liveRunId, { stakedOnly: true }).length).toBeGreaterThan(0);
  });

  it('writes the same predictions, bankroll, alerts and model versions', () => {
    const upTo = <T extends { week: number }>(rows: T[]) => rows.filter((r) => r.week <= WEEKS);
    expect(upTo(readPredictions(live.db, liveRunId))).toEqual(upTo(readPredictions(replayDb, replayRunId)));
    expect(upTo(readBankrollHistory(live.db, liveRunId))).toEqual(upTo(readBankrollHistory(replayDb, replayRunId)));
    expect(upTo(readAlerts(live.db, liveRunId))).toEqual(upTo(readAlerts(replayDb, replayRunId)));
    const models = (db: LedgerDatabase, runId: string) => readRunModels(db, runId).filter((m) => m.fittedBeforeWeek <= WEEKS).map(({ modelId: _id, ...m }) => m);
    expect(models(live.db, liveRunId)).toEqual(models(replayDb, replayRunId));
    expect(models(live.db, liveRunId).map((m) => m.reason)).toEqual(['initial', 'scheduled']);
  });

  it('holds the next week open at the fixtures file prices, with the time they were imported', () => {
    const open = readOpenWeek(live.db, liveRunId)!;
    const next = WEEKS_OF_SEASON[WEEKS]!;
    expect(open.week).toBe(WEEKS + 1);
    expect(open.weekStart).toBe(next.start);
    expect(open.pricesImportedAt).toBe(`${next.start}T08:00:00.000Z`);
    const bets = openBetsOf(open);
    const byId = new Map(SEASON.map((m) => [m.id, m]));
    for (const bet of bets) {
      const match = byId.get(bet.matchId)!;
      expect(match.date >= next.start && match.date <= next.end).toBe(true);
      expect(bet.decimalOdds).toBe(match.odds.b365![['H', 'D', 'A'].indexOf(bet.outcome)]);
      expect(bet.closingOdds).toBeNull();
    }
  });

  it('changes nothing when called again with no new data', async () => {
    const before = JSON.stringify([readPerformance(live.db, liveRunId), readBets(live.db, liveRunId), readOpenWeek(live.db, liveRunId)]);
    const run = findOrCreateLiveRun(live.db, { div: 'E0', season: '2324' });
    const again = await advanceLiveRun(live.db, run, ledgerModelStore(live.db, run.id));
    expect(again).toMatchObject({ settled: [], voided: [], opened: false, retrained: [], revisions: [], alerts: [] });
    expect(JSON.stringify([readPerformance(live.db, liveRunId), readBets(live.db, liveRunId), readOpenWeek(live.db, liveRunId)])).toBe(before);
  });
});

describe('a live run when the data moves under it', () => {
  let live: { db: LedgerDatabase; dir: string };
  afterAll(() => {
    live?.db.close();
    if (live) rmSync(live.dir, { recursive: true, force: true });
  });

  it('reports a revised settled match once, and keeps the ledger as it was bet; voids a postponed fixture', async () => {
    live = liveLedger();
    const run = findOrCreateLiveRun(live.db, { div: 'E0', season: '2324' }, LIVE_SETTINGS);
    const store = ledgerModelStore(live.db, run.id);
    const [w1, w2, w3] = WEEKS_OF_SEASON;
    importSiteAsOf(live.db, w2!, new Date('2023-08-15T08:00:00Z'));
    const first = await advanceLiveRun(live.db, run, store);
    expect(first.settled.map((s) => s.performance.week)).toEqual([1]);
    const settledBets = JSON.stringify(readBets(live.db, run.id));

    // Week 1's opener is revised (a corrected score and Bet365 price) in the next results file.
    const revised = new TextDecoder().decode(resultsCsvOf(SEASON_BYTES, (r) => r.date < w2!.start)).replace('E0,11/08/2023,20:00,Burnley,Man City,0,3,A,0,2,A', 'E0,11/08/2023,20:00,Burnley,Man City,1,3,A,0,2,A');
    expect(importFiles(live.db, [{ url: RESULTS_URL, bytes: new TextEncoder().encode(revised) }]).failed).toEqual([]);
    const flagged = await advanceLiveRun(live.db, run, store);
    expect(flagged.revisions).toEqual([
      { matchId: 'E0-2324-burnley-man-city-1', match: 'Burnley v Man City (2023-08-11)', changes: [{ field: 'homeGoals', settled: 0, now: 1 }] },
    ]);
    expect((await advanceLiveRun(live.db, run, store)).revisions).toEqual([]);
    expect(readRevisions(live.db, run.id)).toHaveLength(1);
    expect(JSON.stringify(readBets(live.db, run.id))).toBe(settledBets);
    expect(readPerformance(live.db, run.id)[0]!.matches).toBe(SEASON.filter((m) => m.date <= w1!.end).length);

    // Week 2 is open; one of its fixtures is never played on its date, and week 3 is played.
    const open = readOpenWeek(live.db, run.id)!;
    const staked = openBetsOf(open);
    expect(staked.length).toBeGreaterThan(0);
    const postponed = staked[0]!.matchId;
    const postponedBets = open.decided.bets.filter((b) => b.status === 'placed' && b.matchId === postponed);
    const withoutIt = (r: { id: string; date: string }) => r.date < w3!.end && r.id !== postponed;
    importFiles(live.db, [{ url: RESULTS_URL, bytes: new TextEncoder().encode(revised.split('\n')[0] + '\n' + new TextDecoder().decode(resultsCsvOf(SEASON_BYTES, withoutIt)).split('\n').slice(1).join('\n')) }]);
    const settled = await advanceLiveRun(live.db, run, store);
    expect(settled.voided.map((b) => [b.matchId, b.status, b.stakeCents])).toEqual(postponedBets.map((b) => [postponed, 'void', b.status === 'placed' ? b.stakeCents : 0]));
    expect(readVoidBets(live.db, run.id)).toEqual(settled.voided);
    const week2 = readPerformance(live.db, run.id, 2)[0]!;
    expect(week2.matches).toBe(SEASON.filter((m) => m.date >= w2!.start && m.date <= w2!.end).length - 1);
    expect(readBets(live.db, run.id, { week: 2, book: 'active' }).some((b) => b.matchId === postponed)).toBe(false);
    // The voided stake is not part of the week's staking: the bankroll moves only by the settled bets.
    expect(week2.bankrollEndCents - week2.bankrollStartCents).toBe(readBets(live.db, run.id, { week: 2 }).reduce((s, b) => s + (b.status === 'settled' ? b.profitCents : 0), 0));
    expect(settled.settled.map((s) => s.performance.week)).toEqual([2, 3]);
  }, 120_000);

  it('settles an open fixture that moves to another day of its week as the same match, at the price it was bet at', async () => {
    const moved = liveLedger();
    try {
      const run = findOrCreateLiveRun(moved.db, { div: 'E0', season: '2324' }, LIVE_SETTINGS);
      const store = ledgerModelStore(moved.db, run.id);
      const [, w2, w3] = WEEKS_OF_SEASON;
      importSiteAsOf(moved.db, w2!, new Date(`${w2!.start}T08:00:00Z`));
      await advanceLiveRun(moved.db, run, store);
      const open = readOpenWeek(moved.db, run.id)!;
      // A staked fixture with a later day left in its week to move to (Saturday to Sunday, say).
      const fixture = open.fixtures.find((f) => f.date < w2!.end && openBetsOf(open).some((b) => b.matchId === f.id))!;
      expect(fixture).toBeDefined();
      const newDate = addDays(fixture.date, 1);
      const redate = (bytes: Uint8Array) => redatedCsv(bytes, fixture, newDate);

      // The fixtures file lists it on its new day; the open week waits for it.
      importFixturesFile(moved.db, { source: FIXTURES_URL, bytes: redate(fixturesCsvOf(SEASON_BYTES, (r) => r.date >= w2!.start && r.date <= w2!.end)) }, new Date(`${w2!.start}T20:00:00Z`));
      const waiting = await advanceLiveRun(moved.db, run, store);
      expect(waiting).toMatchObject({ settled: [], voided: [], opened: false });
      expect(readOpenWeek(moved.db, run.id)).toEqual(open);

      // It is played on its new day: the week settles with it, nothing is void, the bets keep their prices.
      expect(importFiles(moved.db, [{ url: RESULTS_URL, bytes: redate(resultsCsvOf(SEASON_BYTES, (r) => r.date < w3!.start)) }]).failed).toEqual([]);
      importFixturesFile(moved.db, { source: FIXTURES_URL, bytes: fixturesCsvOf(SEASON_BYTES, (r) => r.date >= w3!.start && r.date <= w3!.end) }, new Date(`${w3!.start}T08:00:00Z`));
      const settled = await advanceLiveRun(moved.db, run, store);
      expect(settled.voided).toEqual([]);
      expect(settled.settled.map((s) => s.performance.week)).toEqual([2]);
      expect(readPerformance(moved.db, run.id, 2)[0]!.matches).toBe(open.fixtures.length);
      const struck = openBetsOf(open).filter((b) => b.matchId === fixture.id);
      const result = SEASON.find((m) => m.id === fixture.id)!.result;
      expect(readBets(moved.db, run.id, { week: 2, stakedOnly: true }).filter((b) => b.matchId === fixture.id).map((b) => [b.outcome, b.decimalOdds, isStaked(b) ? b.stakeCents : null, b.status, b.status === 'settled' && b.won]))
        .toEqual(struck.map((b) => [b.outcome, b.decimalOdds, b.stakeCents, 'settled', b.outcome === result]));
      expect(readVoidBets(moved.db, run.id)).toEqual([]);
    } finally {
      moved.db.close();
      rmSync(moved.dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('voids an open fixture moved out of its week, and prices it again in the week it is played in', async () => {
    const moved = liveLedger();
    try {
      const run = findOrCreateLiveRun(moved.db, { div: 'E0', season: '2324' }, LIVE_SETTINGS);
      const store = ledgerModelStore(moved.db, run.id);
      const [, w2, w3, w4] = WEEKS_OF_SEASON;
      importSiteAsOf(moved.db, w2!, new Date(`${w2!.start}T08:00:00Z`));
      await advanceLiveRun(moved.db, run, store);
      const open = readOpenWeek(moved.db, run.id)!;
      const fixture = open.fixtures.find((f) => openBetsOf(open).some((b) => b.matchId === f.id))!;
      const newDate = addDays(fixture.date, 7);
      expect(newDate >= w3!.start && newDate <= w3!.end).toBe(true);

      // The next call comes only after it was played a week late: week 2 settles without it, its bets are void...
      const results = redatedCsv(resultsCsvOf(SEASON_BYTES, (r) => r.date < w4!.start), fixture, newDate);
      expect(importFiles(moved.db, [{ url: RESULTS_URL, bytes: results }]).failed).toEqual([]);
      importFixturesFile(moved.db, { source: FIXTURES_URL, bytes: fixturesCsvOf(SEASON_BYTES, (r) => r.date >= w4!.start && r.date <= w4!.end) }, new Date(`${w4!.start}T08:00:00Z`));
      const advance = await advanceLiveRun(moved.db, run, store);
      expect(advance.settled.map((s) => s.performance.week)).toEqual([2, 3]);
      expect(advance.voided.map((b) => [b.matchId, b.outcome, b.stakeCents])).toEqual(open.decided.bets.flatMap((b) => (b.status === 'placed' && b.matchId === fixture.id ? [[fixture.id, b.outcome, b.stakeCents]] : [])));
      expect(readBets(moved.db, run.id, { week: 2 }).some((b) => b.matchId === fixture.id)).toBe(false);
      expect(readPerformance(moved.db, run.id, 2)[0]!.matches).toBe(open.fixtures.length - 1);
      // ...and week 3 prices it as a replay of week 3 does, once.
      const predictedIn = readPredictions(moved.db, run.id).filter((p) => p.matchId === fixture.id).map((p) => p.week);
      expect(predictedIn.length).toBeGreaterThan(0);
      expect(new Set(predictedIn)).toEqual(new Set([3]));
      expect(readPerformance(moved.db, run.id, 3)[0]!.matches).toBe(SEASON.filter((m) => m.date >= w3!.start && m.date <= w3!.end).length + 1);
    } finally {
      moved.db.close();
      rmSync(moved.dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('reports a settled match whose date a later file moves, by its teams, without touching the ledger', async () => {
    const moved = liveLedger();
    try {
      const run = findOrCreateLiveRun(moved.db, { div: 'E0', season: '2324' }, LIVE_SETTINGS);
      const store = ledgerModelStore(moved.db, run.id);
      importSiteAsOf(moved.db, WEEKS_OF_SEASON[1]!, new Date('2023-08-15T08:00:00Z'));
      await advanceLiveRun(moved.db, run, store);
      const before = JSON.stringify([readBets(moved.db, run.id), readPerformance(moved.db, run.id)]);
      const redated = new TextDecoder().decode(resultsCsvOf(SEASON_BYTES, (r) => r.date < WEEKS_OF_SEASON[1]!.start)).replace('E0,11/08/2023,20:00,Burnley,Man City', 'E0,12/08/2023,20:00,Burnley,Man City');
      expect(importFiles(moved.db, [{ url: RESULTS_URL, bytes: new TextEncoder().encode(redated) }]).failed).toEqual([]);
      const advance = await advanceLiveRun(moved.db, run, store);
      expect(advance.revisions).toEqual([
        { matchId: 'E0-2324-burnley-man-city-1', match: 'Burnley v Man City (2023-08-11)', changes: [{ field: 'date', settled: '2023-08-11', now: '2023-08-12' }] },
      ]);
      expect(JSON.stringify([readBets(moved.db, run.id), readPerformance(moved.db, run.id)])).toBe(before);
    } finally {
      moved.db.close();
      rmSync(moved.dir, { recursive: true, force: true });
    }
  }, 120_000);
});
