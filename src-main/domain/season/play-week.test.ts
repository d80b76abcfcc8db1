import { describe, expect, it } from 'vitest';
import type { Triple } from '../football/outcome';
import { INITIAL_MONITORING_STATE } from './monitoring';
import { isSettled } from './week-bet';
import { decideWeek, decideWeekRetrain, playWeek, settleWeek, type DecideWeekInput, type FixtureResult, type WeekSettings } from './play-week';

/**
 * Hand-worked weeks. Prices are chosen so the basic margin removal is exact: m1 at 2.0 / 4.0 /
 * 4.0 has no margin (market 0.5 / 0.25 / 0.25), m2 at 3.0 each is 1/3 each. Half Kelly, 5%
 * minimum edge, no caps that bind, whole-unit stakes.
 */
const SETTINGS: WeekSettings = {
  strategy: {
    name: 'Model',
    probabilitySource: { kind: 'model' },
    priceSource: 'b365',
    marginMethod: 'basic',
    filters: { minEdge: 0.05, maxCredibleEdge: Number.POSITIVE_INFINITY, minOdds: 1.01, maxOdds: 100 },
    staking: { kind: 'kelly', multiplier: 0.5, shrinkByCalibration: false },
  },
  staking: {
    kellyMultiplier: 0.5, minEdge: 0.05, minOdds: 1.01, maxOdds: 100, maxStakeFraction: 1, maxWeeklyExposureFraction: 1,
    oneOutcomePerMatch: true, mode: 'independent', stakeUnitCents: 100,
  },
  monitoring: { brierGap: 0.02, windowMatches: 10, drawdown: 0.2 },
  retrain: { everyWeeks: 4, onDegradation: true, minMatches: 3, brierGap: 0.02 },
};

const M1_ODDS: Triple = [2, 4, 4];
const M2_ODDS: Triple = [3, 3, 3];

function weekInput(overrides: Partial<DecideWeekInput> = {}): DecideWeekInput {
  return {
    week: { index: 3, start: '2023-08-22', end: '2023-08-28' },
    state: { bankrollCents: 100_000, staticBankrollCents: 100_000, peakCents: 100_000, monitoring: INITIAL_MONITORING_STATE },
    models: { active: 2, static: 1, champion: null },
    fixtures: [
      // Active: H edge 0.6 * 2 - 1 = 0.2, full Kelly 0.2, half Kelly 0.1 of 1,000.00 = 100.00. Static agrees with the market: no edge.
      { matchId: 'm1', prices: { b365: M1_ODDS }, probabilities: { active: [0.6, 0.2, 0.2], static: [0.5, 0.25, 0.25], champion: null } },
      // Active: A edge 0.4 * 3 - 1 = 0.2, full Kelly 0.2 / 2 = 0.1, half Kelly 0.05 = 50.00.
      { matchId: 'm2', prices: { b365: M2_ODDS }, probabilities: { active: [0.3, 0.3, 0.4], static: [0.3, 0.3, 0.4], champion: null } },
    ],
    settings: SETTINGS,
    ...overrides,
  };
}

const RESULTS: FixtureResult[] = [
  // The Bet365 close is here only to show it is not the one CLV uses.
  { matchId: 'm1', result: 'H', closingPrices: { pinnacleClose: [1.8, 4, 4], b365Close: [1.5, 5, 5] } },
  { matchId: 'm2', result: 'D', closingPrices: {} },
];

describe('decideWeek', () => {
  it('places the value bets with their Kelly stakes and rejects the rest with a reason, before any result is known', () => {
    const decided = decideWeek(weekInput());
    const active = decided.bets.filter((b) => b.book === 'active');
    // By edge, largest first: 0.4 * 3 - 1 is a hair above 0.2 in binary floating point, so m2 A leads.
    expect(active.map((b) => [b.matchId, b.outcome, b.status])).toEqual([
      ['m2', 'A', 'placed'],
      ['m1', 'H', 'placed'],
      ['m2', 'H', 'rejected'],
      ['m2', 'D', 'rejected'],
      ['m1', 'D', 'rejected'],
      ['m1', 'A', 'rejected'],
    ]);
    const [m2Away, m1Home] = active;
    expect(m1Home).toMatchObject({ status: 'placed', stakeCents: 10_000, modelVersion: 2, week: 3, closingOdds: null, closingFairProbability: null });
    expect(m2Away).toMatchObject({ status: 'placed', stakeCents: 5_000 });
    expect(m1Home!.marketProbability).toBeCloseTo(0.5, 12);
    expect(active.filter((b) => b.status === 'rejected').map((b) => b.status === 'rejected' && b.rejection)).toEqual(Array(4).fill('negative-edge'));
  });

  it('prices the static book from its own bankroll and model, and forecasts every role against the market', () => {
    const decided = decideWeek(weekInput({ state: { bankrollCents: 100_000, staticBankrollCents: 40_000, peakCents: 100_000, monitoring: INITIAL_MONITORING_STATE } }));
    const staticBets = decided.bets.filter((b) => b.book === 'static' && b.status === 'placed');
    // Only m2 A has an edge for the static model: 0.05 of 400.00 = 20.00, struck with the static model's version.
    expect(staticBets).toEqual([expect.objectContaining({ matchId: 'm2', outcome: 'A', stakeCents: 2_000, modelVersion: 1 })]);
    expect(decided.forecasts.map((f) => [f.role, f.matchId, f.modelVersion])).toEqual([
      ['active', 'm1', 2], ['active', 'm2', 2], ['static', 'm1', 1], ['static', 'm2', 1],
    ]);
    expect(decided.forecasts[0]!.marketProbabilities).toEqual([0.5, 0.25, 0.25]);
  });

  it('adds the champion model as a third forecast only when the week has one', () => {
    const input = weekInput();
    const withChampion = weekInput({
      models: { active: 3, static: 1, champion: 2 },
      fixtures: input.fixtures.map((f) => ({ ...f, probabilities: { ...f.probabilities, champion: [0.4, 0.3, 0.3] } })),
    });
    expect(decideWeek(withChampion).forecasts.filter((f) => f.role === 'champion').map((f) => [f.matchId, f.modelVersion])).toEqual([['m1', 2], ['m2', 2]]);
    expect(() => decideWeek(weekInput({ models: { active: 3, static: 1, champion: 2 } }))).toThrow('Match m1 has no champion forecast, but the week has a champion model');
  });

  it('bets nothing on a match without the run\'s prices, but still forecasts it', () => {
    const input = weekInput();
    const decided = decideWeek(weekInput({ fixtures: [input.fixtures[0]!, { ...input.fixtures[1]!, prices: { pinnacle: M2_ODDS } }] }));
    expect(decided.bets.some((b) => b.matchId === 'm2')).toBe(false);
    expect(decided.forecasts.find((f) => f.matchId === 'm2' && f.role === 'active')!.marketProbabilities).toBeNull();
  });
  it('bets the strategy\'s probabilities at its price while the forecasts stay the model\'s own (market consensus at the best price)', () => {
    const consensus: WeekSettings = {
      ...SETTINGS,
      strategy: { ...SETTINGS.strategy, name: 'Market consensus', probabilitySource: { kind: 'market-consensus', reference: 'pinnacle' }, priceSource: 'best' },
    };
    const fixtures = [{ matchId: 'm1', prices: { b365: M1_ODDS, pinnacle: M1_ODDS, max: [2.2, 4, 4] as Triple }, probabilities: { active: [0.6, 0.2, 0.2] as Triple, static: [0.2, 0.4, 0.4] as Triple, champion: null } }];
    const decided = decideWeek(weekInput({ settings: consensus, fixtures }));
    // Pinnacle 2/4/4 made fair is 0.5/0.25/0.25; at the best 2.2 the home edge is 0.1, full Kelly 0.1 / 1.2, half of it of 1,000.00 is 41.67, rounded down to 41.00.
    const placed = decided.bets.filter((b) => b.status === 'placed');
    expect(placed.map((b) => [b.book, b.outcome, b.decimalOdds, b.modelProbability, b.status === 'placed' ? b.stakeCents : 0])).toEqual([
      ['active', 'H', 2.2, 0.5, 4_100],
      ['static', 'H', 2.2, 0.5, 4_100],
    ]);
    expect(decided.forecasts.map((f) => f.probabilities)).toEqual([[0.6, 0.2, 0.2], [0.2, 0.4, 0.4]]);
  });
});

describe('settleWeek', () => {
  it('settles the placed bets, closes the books and scores the week (hand-worked)', () => {
    const week = settleWeek(decideWeek(weekInput()), { results: RESULTS, pastActive: [] });
    const settled = week.bets.filter(isSettled).filter((b) => b.book === 'active');
    // m1 H wins 100.00 at 2.0; m2 A loses 50.00 (the draw came in).
    expect(settled.map((b) => [b.matchId, b.won, b.profitCents])).toEqual([['m2', false, -5_000], ['m1', true, 10_000]]);
    expect(week.performance).toMatchObject({
      week: 3, weekStart: '2023-08-22', weekEnd: '2023-08-28', matches: 2, valueBetsFound: 2, betsPlaced: 2, wins: 1,
      stakedCents: 15_000, profitCents: 5_000, bankrollStartCents: 100_000, bankrollEndCents: 105_000,
      modelVersion: 2, modelBehindMarket: false, inDrawdown: false,
    });
    // Brier: m1 (0.4^2 + 0.2^2 + 0.2^2) = 0.24, m2 (0.3^2 + 0.7^2 + 0.4^2) = 0.74; market 0.375 and 6/9.
    expect(week.performance.modelBrier).toBeCloseTo(0.49, 12);
    expect(week.performance.marketBrier).toBeCloseTo((0.375 + 6 / 9) / 2, 12);
    expect(week.evaluation).toMatchObject({ matches: 2 });
    expect(week.evaluation.brier).toBe(week.performance.modelBrier);
    // The static model also backs m2 A (same probabilities) and loses its 50.00.
    expect(week.performance.staticBankrollEndCents).toBe(95_000);
    expect(week.state).toEqual({ bankrollCents: 105_000, staticBankrollCents: 95_000, peakCents: 105_000, monitoring: INITIAL_MONITORING_STATE });
    expect(week.bankrollPeakCents).toBe(105_000);
    expect(week.alerts).toEqual([]);
  });

  it('attaches the closing price to every candidate, rejected ones included (basic margin: 10/19 for the home side at 1.8)', () => {
    const week = settleWeek(decideWeek(weekInput()), { results: RESULTS, pastActive: [] });
    for (const bet of week.bets.filter((b) => b.matchId === 'm1' && b.book === 'active')) expect(bet.closingOdds).toBe(bet.outcome === 'H' ? 1.8 : 4);
    const home = week.bets.find((b) => b.matchId === 'm1' && b.outcome === 'H' && b.book === 'active')!;
    expect(home.closingFairProbability).toBeCloseTo(10 / 19, 12);
    expect(week.bets.find((b) => b.matchId === 'm2')!.closingOdds).toBeNull();
  });

  it('measures the close against the average close where Pinnacle has none, never the book bet at', () => {
    const results: FixtureResult[] = [{ matchId: 'm1', result: 'H', closingPrices: { avgClose: [1.9, 3.8, 4.2], b365Close: [1.5, 5, 5] } }, RESULTS[1]!];
    const week = settleWeek(decideWeek(weekInput()), { results, pastActive: [] });
    expect(week.bets.find((b) => b.matchId === 'm1' && b.outcome === 'H' && b.book === 'active')!.closingOdds).toBe(1.9);
  });

  it('raises a drawdown alert when the bankroll falls more than the threshold below its peak', () => {
    const state = { bankrollCents: 100_000, staticBankrollCents: 100_000, peakCents: 200_000, monitoring: INITIAL_MONITORING_STATE };
    const results: FixtureResult[] = [{ ...RESULTS[0]!, result: 'A' }, RESULTS[1]!];
    const week = playWeek({ ...weekInput({ state }), results, pastActive: [] });
    // Both bets lose: 1,000.00 - 150.00 = 850.00, 57.5% below the 2,000.00 peak.
    expect(week.performance.bankrollEndCents).toBe(85_000);
    expect(week.alerts).toEqual([{ week: 3, kind: 'drawdown', message: 'Bankroll is 57.5% below its peak (threshold 20%).' }]);
    expect(week.state).toMatchObject({ peakCents: 200_000, monitoring: { inDrawdown: true, modelBehindMarket: false } });
  });

  it('judges the model over the earlier weeks and this one together', () => {
    const behind = Array.from({ length: 8 }, () => ({ brier: 0.7, marketBrier: 0.5 }));
    const week = playWeek({ ...weekInput(), results: RESULTS, pastActive: behind });
    // Ten matches: eight 0.2 behind, then 0.24 - 0.375 and 0.74 - 0.667: mean gap 0.1533 > 0.02.
    expect(week.alerts.map((a) => a.kind)).toEqual(['model-worse-than-market']);
    expect(week.performance.modelBehindMarket).toBe(true);
  });

  it('refuses to settle a week with a match that has no result', () => {
    expect(() => settleWeek(decideWeek(weekInput()), { results: [RESULTS[0]!], pastActive: [] })).toThrow('Week 3 cannot be settled: match m2 has no result');
  });
});

describe('decideWeekRetrain', () => {
  const policy = SETTINGS.retrain;
  const scored = (modelVersion: number, brier: number, marketBrier: number | null) => ({ modelVersion, brier, marketBrier });

  it('fits the initial model when the run has none', () => {
    expect(decideWeekRetrain(1, null, [], policy)).toEqual({ retrain: true, reason: 'initial', detail: 'No model has been fitted for this run yet' });
  });

  it('refits on schedule, counting weeks from the active model\'s fit', () => {
    expect(decideWeekRetrain(5, { version: 1, fittedBeforeWeek: 1 }, [], policy)).toMatchObject({ retrain: true, reason: 'scheduled' });
    expect(decideWeekRetrain(4, { version: 1, fittedBeforeWeek: 1 }, [], policy)).toEqual({ retrain: false });
  });

  it('judges degradation only on the matches the active version priced', () => {
    const older = [scored(1, 0.9, 0.5), scored(1, 0.9, 0.5), scored(1, 0.9, 0.5)];
    const active = { version: 2, fittedBeforeWeek: 2 };
    expect(decideWeekRetrain(3, active, older, policy)).toEqual({ retrain: false });
    const behind = [...older, scored(2, 0.6, 0.5), scored(2, 0.6, 0.5), scored(2, 0.6, 0.5)];
    expect(decideWeekRetrain(3, active, behind, policy)).toMatchObject({ retrain: true, reason: 'degradation' });
  });
});
