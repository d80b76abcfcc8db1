import { priceDayOf } from '../domain/football/price-day';
import { describe, expect, it } from 'vitest';
import type { Match } from '../domain/football/match';
import { outcomeFromGoals } from '../domain/football/outcome';
import { bettingWeeksOf, matchesBeforeWeek, matchesInWeek } from '../domain/football/betting-week';
import { DEFAULT_MODEL_CONFIG, modelConfigFor, restoreOutcomeModel, trainOutcomeModel, type Fixture, type ModelConfig, type ModelKind } from './outcome-model';
import { syntheticLeague } from './synthetic-league';

const league = syntheticLeague({ seed: 7, teams: 12, seasons: ['1819', '1920', '2021', '2122'], promotedPerSeason: 2 });
const holdout = league.filter((m) => m.season === '2122');
const weeks = bettingWeeksOf(holdout);
const week = weeks[9]!;

/** Small and fast, but every part of the pipeline runs. */
function configOfDefault(kind: ModelKind): ModelConfig {
  return { ...DEFAULT_MODEL_CONFIG, kind, net: { ...DEFAULT_MODEL_CONFIG.net, epochs: 60, trainingSeasons: 2 } };
}

function fixturesOf(matches: readonly Match[]): Fixture[] {
  return matches.map(({ id, div, season, date, kickoff, homeTeam, awayTeam, homeTeamId, awayTeamId }) => ({ id, div, season, date, kickoff, homeTeam, awayTeam, homeTeamId, awayTeamId }));
}

/** Every result from `from` on turned upside down: goals swapped, plus two for the new winner. */
function corruptFrom(matches: readonly Match[], from: string): Match[] {
  return matches.map((m) => {
    if (m.date < from) return m;
    const homeGoals = m.awayGoals + 2;
    const awayGoals = m.homeGoals;
    return { ...m, homeGoals, awayGoals, result: outcomeFromGoals(homeGoals, awayGoals), homeShots: 30, awayShots: 0, homeShotsOnTarget: 15, awayShotsOnTarget: 0 };
  });
}

// The default net head is the ordered logit; the multinomial (TF.js) head runs through the same contract.
describe.each([
  ['dixon-coles', 'ordered'],
  ['feature-net', 'ordered'],
  ['feature-net', 'multinomial'],
  ['ensemble', 'ordered'],
  ['ensemble', 'multinomial'],
] as const)('%s model (%s net head)', (kind, head) => {
  const configOfHead = (k: ModelKind): ModelConfig => ({ ...configOfDefault(k), net: { ...configOfDefault(k).net, head } });

  it('prices every fixture with finite probabilities that sum to 1', async () => {
    const history = matchesBeforeWeek(league, week);
    const model = await trainOutcomeModel(configOfHead(kind), history, { cutoff: week.start });
    const fixtures = fixturesOf(matchesInWeek(holdout, week));
    const probabilities = model.predict(fixtures, history);
    expect(probabilities).toHaveLength(fixtures.length);
    for (const p of probabilities) {
      for (const v of p) expect(v).toBeGreaterThan(0);
      expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 12);
    }
    expect(model.trainedThrough < week.start).toBe(true);
  });

  it('gives identical predictions after every result from each fixture\'s price day on is corrupted', async () => {
    const fixtures = fixturesOf(matchesInWeek(holdout, week));
    const model = await trainOutcomeModel(configOfHead(kind), matchesBeforeWeek(league, week), { cutoff: week.start });
    const before = model.predict(fixtures, league);
    for (const [i, fixture] of fixtures.entries()) {
      const corrupted = corruptFrom(league, priceDayOf(fixture.date));
      const retrained = await trainOutcomeModel(configOfHead(kind), matchesBeforeWeek(corrupted, week), { cutoff: week.start });
      // predict is handed the whole corrupted season, the fixture's own result included: it must cut at the price day itself.
      expect(retrained.predict([fixture], corrupted)).toEqual([before[i]]);
    }
  });

  it('is deterministic: same data and seed give the same snapshot and probabilities, also after a JSON round trip', async () => {
    const history = matchesBeforeWeek(league, week);
    const fixtures = fixturesOf(matchesInWeek(holdout, week));
    const a = await trainOutcomeModel(configOfHead(kind), history, { cutoff: week.start });
    const b = await trainOutcomeModel(configOfHead(kind), history, { cutoff: week.start });
    expect(JSON.stringify(b.toSnapshot())).toBe(JSON.stringify(a.toSnapshot()));
    const restored = restoreOutcomeModel(JSON.parse(JSON.stringify(a.toSnapshot())));
    expect(restored.predict(fixtures, history)).toEqual(a.predict(fixtures, history));
  });

  it('refuses a history that holds a match on or after the cutoff', async () => {
    const late = holdout.find((m) => m.date >= week.start)!;
    await expect(trainOutcomeModel(configOfHead(kind), league, { cutoff: week.start })).rejects.toThrow(
      `trainOutcomeModel: history holds match ${late.id} dated ${late.date}, on or after the cutoff ${week.start}`,
    );
  });
});

describe('snapshots saved before the expected-goals, extra-input and net-head settings existed', () => {
  it('restore and predict as the plain goal model, base features and multinomial net', async () => {
    const history = matchesBeforeWeek(league, week);
    const fixtures = fixturesOf(matchesInWeek(holdout, week));
    const current = configOfDefault('ensemble');
    const { xgAlpha: _alpha, ...oldGoalModel } = current.dixonColes;
    const { head: _head, ...oldNet } = current.net;
    const oldConfig = { ...current, dixonColes: oldGoalModel, net: oldNet };
    const plain = await trainOutcomeModel(oldConfig, history, { cutoff: week.start });
    const snapshot = JSON.parse(JSON.stringify(plain.toSnapshot())) as ReturnType<typeof plain.toSnapshot>;
    expect('xgAlpha' in snapshot.config.dixonColes).toBe(false);
    expect(snapshot.kind === 'ensemble' && 'head' in snapshot.net).toBe(false);
    const explicit = await trainOutcomeModel(
      { ...oldConfig, dixonColes: { ...oldGoalModel, xgAlpha: 0 }, net: { ...oldNet, head: 'multinomial' } },
      history,
      { cutoff: week.start },
    );
    expect(restoreOutcomeModel(snapshot).predict(fixtures, history)).toEqual(explicit.predict(fixtures, history));
  });
});

describe('the holdout season', () => {
  it('never enters the initial fit: corrupting all of it changes nothing in the trained ensemble', async () => {
    const firstWeek = weeks[0]!;
    const clean = await trainOutcomeModel(configOfDefault('ensemble'), matchesBeforeWeek(league, firstWeek), { cutoff: firstWeek.start });
    const corrupted = corruptFrom(league, firstWeek.start);
    const dirty = await trainOutcomeModel(configOfDefault('ensemble'), matchesBeforeWeek(corrupted, firstWeek), { cutoff: firstWeek.start });
    const snapshot = clean.toSnapshot();
    expect(JSON.stringify(dirty.toSnapshot())).toBe(JSON.stringify(snapshot));
    expect(snapshot.trainingWindow.to < holdout[0]!.date).toBe(true);
    // The blend weight was fitted on the last complete season before the holdout.
    expect(snapshot.kind === 'ensemble' && snapshot.ensemble.fittedOn).toEqual(['2021']);
  });
});

describe('the ensemble blend weight', () => {
  it('is fitted on the last complete seasons before the cutoff, as many as configured', async () => {
    const longer = syntheticLeague({ seed: 8, teams: 8, seasons: ['1718', '1819', '1920', '2021', '2122'], promotedPerSeason: 1 });
    const firstWeek = bettingWeeksOf(longer.filter((m) => m.season === '2122'))[0]!;
    const config = { ...configOfDefault('ensemble'), ensembleValidationSeasons: 2 };
    const snapshot = (await trainOutcomeModel(config, matchesBeforeWeek(longer, firstWeek), { cutoff: firstWeek.start })).toSnapshot();
    if (snapshot.kind !== 'ensemble') throw new Error('expected an ensemble snapshot');
    expect(snapshot.ensemble.fittedOn).toEqual(['1920', '2021']);
    expect(snapshot.ensemble.matches).toBe(longer.filter((m) => m.season === '1920' || m.season === '2021').length);
    expect(snapshot.ensemble.logLossBlend!).toBeLessThanOrEqual(Math.min(snapshot.ensemble.logLossNet!, snapshot.ensemble.logLossDixonColes!));
  });

  it('skips seasons with too little history before them to train a net on', async () => {
    const firstWeek = weeks[0]!;
    const config = { ...configOfDefault('ensemble'), ensembleValidationSeasons: 3 };
    const snapshot = (await trainOutcomeModel(config, matchesBeforeWeek(league, firstWeek), { cutoff: firstWeek.start })).toSnapshot();
    // 1819 has nothing before it and 1920 only 1819, whose weeks lack 300 days of history.
    expect(snapshot.kind === 'ensemble' && snapshot.ensemble.fittedOn).toEqual(['2021']);
  });

  it('mid-season, skips the season in progress', async () => {
    const snapshot = (await trainOutcomeModel(configOfDefault('ensemble'), matchesBeforeWeek(league, week), { cutoff: week.start })).toSnapshot();
    expect(snapshot.kind === 'ensemble' && snapshot.ensemble.fittedOn).toEqual(['2021']);
  });
});

describe('promoted teams and early weeks', () => {
  it('prices a team with no history at the promoted-team prior, below an established side', async () => {
    const history = matchesBeforeWeek(league, week);
    const model = await trainOutcomeModel(configOfDefault('dixon-coles'), history, { cutoff: week.start });
    const established = holdout[0]!.homeTeamId;
    const base = { div: 'X0', season: '2122', date: week.start, kickoff: null };
    const [newcomerAtHome] = model.predict([{ ...base, id: 'n', homeTeam: 'Newcomer', awayTeam: 'x', homeTeamId: 'newcomer', awayTeamId: established }], history);
    for (const v of newcomerAtHome!) expect(Number.isFinite(v)).toBe(true);
    const snapshot = model.toSnapshot();
    if (snapshot.kind !== 'dixon-coles') throw new Error('expected a Dixon-Coles snapshot');
    const mean = (r: Readonly<Record<string, number>>) => Object.values(r).reduce((s, v) => s + v, 0) / Object.values(r).length;
    expect(snapshot.dixonColes.newcomerPrior.attack + snapshot.dixonColes.newcomerPrior.defence).toBeLessThan(mean(snapshot.dixonColes.parameters.attack) + mean(snapshot.dixonColes.parameters.defence));
  });

  it('trains in the first week of a season and converges', async () => {
    const first = weeks[0]!;
    const model = await trainOutcomeModel(configOfDefault('dixon-coles'), matchesBeforeWeek(league, first), { cutoff: first.start });
    const snapshot = model.toSnapshot();
    expect(snapshot.kind === 'dixon-coles' && snapshot.dixonColes.converged).toBe(true);
  });
});

describe('bad input', () => {
  const history = matchesBeforeWeek(league, week);
  it('names the setting at fault', async () => {
    await expect(trainOutcomeModel({ ...configOfDefault('dixon-coles'), dixonColes: { ...DEFAULT_MODEL_CONFIG.dixonColes, xiPerDay: -1 } }, history, { cutoff: week.start })).rejects.toThrow(
      'Model config: dixonColes.xiPerDay must be in [0, 1), got -1',
    );
    await expect(trainOutcomeModel({ ...configOfDefault('ensemble'), ensembleWeight: 1.5 }, history, { cutoff: week.start })).rejects.toThrow(
      'Model config: ensembleWeight must be null (fit it) or in [0, 1], got 1.5',
    );
    await expect(trainOutcomeModel({ ...configOfDefault('feature-net'), net: { ...configOfDefault('feature-net').net, epochs: 0 } }, history, { cutoff: week.start })).rejects.toThrow(
      'Model config: net.epochs must be an integer >= 1, got 0',
    );
    await expect(trainOutcomeModel({ ...configOfDefault('ensemble'), ensembleValidationSeasons: 0 }, history, { cutoff: week.start })).rejects.toThrow(
      'Model config: ensembleValidationSeasons must be an integer >= 1, got 0',
    );
    await expect(trainOutcomeModel({ ...configOfDefault('dixon-coles'), dixonColes: { ...DEFAULT_MODEL_CONFIG.dixonColes, xgAlpha: 1.2 } }, history, { cutoff: week.start })).rejects.toThrow(
      'Model config: dixonColes.xgAlpha must be in [0, 1], got 1.2',
    );
  });

  it('refuses a snapshot trained with inputs that were removed, naming them', async () => {
    const trained = await trainOutcomeModel(configOfDefault('ensemble'), history, { cutoff: week.start });
    const snapshot = trained.toSnapshot();
    if (snapshot.kind !== 'ensemble') throw new Error('expected an ensemble snapshot');
    const old = { ...snapshot, featureNames: [...snapshot.featureNames, 'piExpectedGoalDifference'] };
    expect(() => restoreOutcomeModel(old)).toThrow(
      'This model was trained with inputs Edgeline no longer computes (piExpectedGoalDifference): the experiments behind them were removed after commit e1bfda3; retrain the model',
    );
  });

  it('rejects a cutoff that is not an ISO date and an empty history', async () => {
    await expect(trainOutcomeModel(configOfDefault('dixon-coles'), history, { cutoff: '10/08/2021' })).rejects.toThrow(
      'trainOutcomeModel: cutoff must be an ISO date yyyy-mm-dd, got "10/08/2021"',
    );
    await expect(trainOutcomeModel(configOfDefault('dixon-coles'), [], { cutoff: week.start })).rejects.toThrow(`trainOutcomeModel: no matches before the cutoff ${week.start}`);
  });

  it('says how much history the feature net lacks', async () => {
    const oneSeason = league.filter((m) => m.season === '1819');
    await expect(trainOutcomeModel(configOfDefault('feature-net'), oneSeason, { cutoff: '2019-08-01' })).rejects.toThrow(
      'The feature net needs at least 50 matches with 300 days of earlier history before 2019-08-01; found 0',
    );
  });
});

describe('modelConfigFor', () => {
  it('gives the ensemble the ordered-logit head and the feature-net kind the TF.js multinomial network', () => {
    expect(modelConfigFor('ensemble')).toEqual(DEFAULT_MODEL_CONFIG);
    expect(modelConfigFor('feature-net', 5)).toMatchObject({ kind: 'feature-net', seed: 5, net: { head: 'multinomial' } });
    expect(modelConfigFor('dixon-coles', 9)).toMatchObject({ kind: 'dixon-coles', seed: 9, dixonColes: DEFAULT_MODEL_CONFIG.dixonColes });
  });

  it('trains the feature-net kind through TensorFlow.js', async () => {
    const config = { ...modelConfigFor('feature-net'), net: { ...modelConfigFor('feature-net').net, epochs: 40, trainingSeasons: 2 } };
    const model = await trainOutcomeModel(config, matchesBeforeWeek(league, week), { cutoff: week.start });
    const snapshot = model.toSnapshot();
    expect(snapshot.kind).toBe('feature-net');
    if (snapshot.kind !== 'feature-net') throw new Error('unreachable');
    expect(['wasm', 'cpu', 'tensorflow']).toContain(snapshot.net.backend);
    expect(snapshot.net.head ?? 'multinomial').toBe('multinomial');
  });
});
