import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Match } from '../domain/football/match';
import type { Triple } from '../domain/football/outcome';
import { bettingWeeksOf } from '../domain/football/betting-week';
import { isSettled } from '../domain/season/week-bet';
import { openLedger, type LedgerDatabase } from '../ledger/ledger-database';
import { saveModel } from '../ledger/model-repository';
import { insertRun, readBankrollHistory, readBets, readPerformance, readPredictions, readRunModels, type RunRow } from '../ledger/run-repository';
import { syntheticLeague } from '../model/synthetic-league';
import type { Fixture, ModelSnapshot, TrainedOutcomeModel } from '../model/outcome-model';
import { dataFingerprintOf } from './data-fingerprint';
import { runSettingsSchema } from './run-settings';
import { namedStrategySettings } from './strategy-settings';
import { runMatchPool, SeasonEngine, type ModelStore } from './season-engine';

/**
 * The engine shell on its own: a small synthetic league with made-up prices, a fake model
 * store (no TF.js, no goal model) whose models answer asynchronously, and a real SQLite file.
 */
const LEAGUE: Match[] = syntheticLeague({ seed: 11, teams: 6, seasons: ['2021', '2122', '2223'], promotedPerSeason: 1 }).map((m) => ({
  ...m,
  odds: { b365: [2.1, 3.4, 3.6], b365Close: [2, 3.5, 3.8] },
}));

interface FakeCall {
  readonly cutoff: string;
  readonly latestHistory: string;
  readonly historySize: number;
}

/** Version v backs the home side of "alphabetical" fixtures, the away side otherwise; every answer is a promise. */
function fakeStore(db: LedgerDatabase): ModelStore & { trained: FakeCall[]; loaded: number[] } {
  const models = new Map<number, TrainedOutcomeModel>();
  let fitted = 0;
  const store = {
    trained: [] as FakeCall[],
    loaded: [] as number[],
    async train(_settings, history, cutoff) {
      store.trained.push({ cutoff, latestHistory: history.map((m) => m.date).sort().at(-1) ?? '', historySize: history.length });
      fitted += 1;
      return fakeModel(cutoff, history.map((m) => m.date).sort().at(-1)!, fitted);
    },
    save(model) {
      const id = saveModel(db, model, { createdAt: '2000-01-01T00:00:00Z' });
      models.set(id, model);
      return id;
    },
    load(modelId) {
      store.loaded.push(modelId);
      return models.get(modelId)!;
    },
  } satisfies ModelStore<TrainedOutcomeModel> & { trained: FakeCall[]; loaded: number[] };
  return store;
}

function fakeModel(cutoff: string, trainedThrough: string, version: number): TrainedOutcomeModel {
  const home: Triple = [0.55, 0.25, 0.2];
  const away: Triple = [0.3, 0.25, 0.45];
  return {
    kind: 'dixon-coles',
    config: {} as TrainedOutcomeModel['config'],
    trainedThrough,
    // The interface says synchronous; a model in another process answers with a promise, and the engine awaits either.
    predict: ((fixtures: readonly Fixture[]) =>
      Promise.resolve(fixtures.map((f) => ((f.homeTeam < f.awayTeam) === (version % 2 === 1) ? home : away)))) as unknown as TrainedOutcomeModel['predict'],
    toSnapshot: () => ({ kind: 'dixon-coles', config: {}, cutoff, trainedThrough, trainingWindow: { from: '2020-08-01', to: trainedThrough, matches: 1 } }) as unknown as ModelSnapshot,
  };
}

let dir: string;
let db: LedgerDatabase;
let run: RunRow;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edgeline-engine-shell-'));
  db = openLedger(join(dir, 'ledger.sqlite'));
  // The model strategy without its credible-edge limit: the fake models claim 15% and 62% edges, and the prices are Bet365's only.
  const settings = runSettingsSchema.parse({ name: 'synthetic', div: 'X0', holdoutSeason: '2223', trainingSeasons: ['2021', '2122'], modelKind: 'dixon-coles', retrainEveryWeeks: 3, ...namedStrategySettings('model'), maxCredibleEdge: null });
  const { pool, holdout } = runMatchPool(settings, LEAGUE);
  run = { id: 'run-1', name: 'synthetic', createdAt: '2000-01-01T00:00:00Z', settings, dataFingerprint: dataFingerprintOf(pool), startingBankrollCents: 1_000_000, weekCount: bettingWeeksOf(holdout).length };
  insertRun(db, run);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SeasonEngine with a fake model store', () => {
  it('plays every week, fitting each model on matches before the week only, and commits a ledger that reconciles', async () => {
    const store = fakeStore(db);
    const engine = SeasonEngine.open(db, run, LEAGUE, store);
    await engine.runToEnd();
    expect(engine.finished).toBe(true);

    const weeks = bettingWeeksOf(LEAGUE.filter((m) => m.season === '2223'));
    expect(readPerformance(db, run.id).map((p) => p.week)).toEqual(weeks.map((w) => w.index));
    // Week 1, then every 3 weeks: fits before weeks 1, 4, 7, ...
    expect(readRunModels(db, run.id).map((m) => m.fittedBeforeWeek)).toEqual(weeks.filter((w) => (w.index - 1) % 3 === 0).map((w) => w.index));
    for (const call of store.trained) expect(call.latestHistory < call.cutoff).toBe(true);
    expect(store.trained[0]!.historySize).toBe(LEAGUE.filter((m) => m.season !== '2223').length);

    const performance = readPerformance(db, run.id);
    const settled = readBets(db, run.id).filter(isSettled);
    expect(settled.length).toBeGreaterThan(0);
    expect(performance.at(-1)!.bankrollEndCents).toBe(1_000_000 + settled.reduce((s, b) => s + b.profitCents, 0));
    const history = readBankrollHistory(db, run.id);
    expect(history.map((h) => h.bankrollCents)).toEqual(performance.map((p) => p.bankrollEndCents));
    expect(history.map((h) => h.peakCents)).toEqual(performance.map((_, i) => Math.max(1_000_000, ...performance.slice(0, i + 1).map((p) => p.bankrollEndCents))));
  });

  it('prices each week with the active, static and replaced models', async () => {
    const engine = SeasonEngine.open(db, run, LEAGUE, fakeStore(db));
    for (let i = 0; i < 4; i += 1) await engine.step();
    const week4 = readPredictions(db, run.id, { week: 4 });
    expect([...new Set(week4.map((p) => `${p.role} v${p.modelVersion}`))]).toEqual(['active v2', 'static v1', 'champion v1']);
    expect(readPredictions(db, run.id, { week: 3 }).some((p) => p.role === 'champion')).toBe(false);
  });

  it('reopened from the ledger mid-season, continues to exactly the ledger of an uninterrupted run', async () => {
    const straight = SeasonEngine.open(db, run, LEAGUE, fakeStore(db));
    await straight.runToEnd();
    const expected = { bets: readBets(db, run.id), performance: readPerformance(db, run.id) };
    straight.reset();

    const store = fakeStore(db);
    const first = SeasonEngine.open(db, run, LEAGUE, store);
    for (let i = 0; i < 5; i += 1) await first.step();
    const reopened = SeasonEngine.open(db, run, LEAGUE, store);
    expect(reopened.weeksPlayed).toBe(5);
    expect(store.loaded).toHaveLength(2);
    await reopened.runToEnd();
    expect(readBets(db, run.id)).toEqual(expected.bets);
    expect(readPerformance(db, run.id)).toEqual(expected.performance);
  });

  it('commits nothing of a week cancelled while its model trains', async () => {
    const engine = SeasonEngine.open(db, run, LEAGUE, fakeStore(db));
    const controller = new AbortController();
    controller.abort();
    await expect(engine.step({ signal: controller.signal })).rejects.toThrow(/abort/i);
    expect(readPerformance(db, run.id)).toEqual([]);
    expect(readRunModels(db, run.id)).toEqual([]);
    expect(engine.weeksPlayed).toBe(0);
  });

  it('refuses match data that differs from what the run was created on', () => {
    const changed = LEAGUE.map((m, i) => (i === LEAGUE.length - 1 ? { ...m, homeGoals: m.homeGoals + 1 } : m));
    expect(() => SeasonEngine.open(db, run, changed, fakeStore(db))).toThrow(/Run "synthetic" was played on other match data than the ledger now holds for X0/);
  });
});
