import { describe, expect, it } from 'vitest';
import type { Match } from '../domain/football/match';
import type { RunHistory } from '../domain/season/run-history';
import type { WeekPerformance } from '../domain/season/play-week';
import type { WeekBet } from '../domain/season/week-bet';
import type { RunRow } from '../ledger/run-repository';
import { runSettingsSchema } from './run-settings';
import { dashboardOf, searchViewOf, weekViewOf } from './season-report';

/** The views as pure projections of a hand-made two-week history: no ledger, no engine. */
const run: RunRow = {
  id: 'r', name: 'two weeks', createdAt: '2000-01-01T00:00:00Z', dataFingerprint: 'f', startingBankrollCents: 100_000, weekCount: 2,
  settings: runSettingsSchema.parse({ name: 'two weeks', div: 'E0', holdoutSeason: '2324', minEdge: 0.05 }),
};

const match: Match = {
  id: 'm1', div: 'E0', season: '2324', date: '2023-08-12', kickoff: '15:00', homeTeam: 'Arsenal', awayTeam: 'Forest', homeTeamId: 'arsenal',
  awayTeamId: 'forest', homeGoals: 2, awayGoals: 1, result: 'H', halfTimeHomeGoals: null, halfTimeAwayGoals: null, homeShots: null,
  awayShots: null, homeShotsOnTarget: null, awayShotsOnTarget: null, odds: { b365: [2, 4, 4] },
};

const week = (w: number, start: number, end: number): WeekPerformance => ({
  week: w, weekStart: w === 1 ? '2023-08-08' : '2023-08-15', weekEnd: w === 1 ? '2023-08-14' : '2023-08-21', matches: 1, valueBetsFound: 1,
  betsPlaced: 1, wins: end > start ? 1 : 0, stakedCents: 10_000, profitCents: end - start, bankrollStartCents: start, bankrollEndCents: end,
  staticBankrollEndCents: start, modelBrier: 0.3, marketBrier: 0.4, modelRps: 0.1, marketRps: 0.12, modelVersion: 1, modelBehindMarket: false, inDrawdown: false,
});

const candidate = {
  book: 'active', matchId: 'm1', decimalOdds: 2, modelProbability: 0.6, marketProbability: 0.5, edge: 0.2, fullKelly: 0.2, appliedKelly: 0.1,
  robustAcrossMethods: true, modelVersion: 1, closingOdds: 1.8, closingFairProbability: 0.55,
} as const;

const bets: WeekBet[] = [
  { ...candidate, week: 1, outcome: 'H', status: 'settled', stakeCents: 10_000, won: true, profitCents: 10_000 },
  // A rejected candidate's CLV is shown on its row but kept out of the week's mean.
  { ...candidate, week: 1, outcome: 'D', decimalOdds: 4, edge: 0.02, closingOdds: 3, closingFairProbability: 0.5, status: 'rejected', rejection: 'edge-below-threshold' },
  { ...candidate, week: 2, outcome: 'H', status: 'settled', stakeCents: 10_000, won: false, profitCents: -10_000 },
];

const history: RunHistory = {
  startingBankrollCents: 100_000,
  weeks: [week(1, 100_000, 110_000), week(2, 110_000, 100_000)],
  bankroll: [{ week: 1, bankrollCents: 110_000, peakCents: 110_000 }, { week: 2, bankrollCents: 100_000, peakCents: 110_000 }],
  bets,
  predictions: [1, 2].map((w) => ({ week: w, matchId: 'm1', role: 'active', modelVersion: 1, probabilities: [0.6, 0.2, 0.2], marketProbabilities: [0.5, 0.25, 0.25], brier: 0.24, marketBrier: 0.375 })),
  alerts: [{ week: 2, kind: 'drawdown', message: 'Bankroll is 9.1% below its peak (threshold 5%).' }],
  models: [{ version: 1, fittedBeforeWeek: 1, reason: 'initial' }],
};

const matches = new Map([['m1', match]]);

describe('weekViewOf', () => {
  it('shows the week with its candidates in the one bet shape, the rejection said in words', () => {
    const view = weekViewOf(run, history, matches, 1);
    expect(view.candidates.map((c) => c.status)).toEqual(['settled', 'rejected']);
    const rejected = view.candidates[1]!;
    expect(rejected.status === 'rejected' && rejected.rejectionText).toBe('Edge 2.0% is below the 5.0% threshold.');
    // CLV = 2 * 0.55 - 1 = 0.1 on the bet; the rejected candidate's 4 * 0.5 - 1 = 1 stays out of the mean.
    expect(view.performance.meanClv).toBeCloseTo(0.1, 12);
    expect(rejected.closingLineValue).toBeCloseTo(1, 12);
    expect(view.retrain).toMatchObject({ week: 1, reason: 'initial', modelVersion: 1 });
    expect(() => weekViewOf(run, history, matches, 3)).toThrow('Run "two weeks" has played weeks 1 to 2; week 3 is not in the ledger');
  });
});

describe('dashboardOf', () => {
  it('draws the bankroll path and its drawdown from the ledger\'s bankroll history', () => {
    const dashboard = dashboardOf(run, history, matches);
    expect(dashboard.bankroll.map((b) => [b.bankrollCents, b.peakCents, b.drawdown])).toEqual([[110_000, 110_000, 0], [100_000, 110_000, 10_000 / 110_000]]);
    expect(dashboard.weeks.map((w) => w.drawdown)).toEqual([0, 10_000 / 110_000]);
    expect(dashboard.kpis).toMatchObject({ bets: 2, wins: 1, profitCents: 0, stakedCents: 20_000, roi: 0, maxDrawdown: 10_000 / 110_000, maxDrawdownCents: 10_000 });
    expect(dashboard.kpis.clv).toEqual({ mean: expect.closeTo(0.1, 12), beatCloseShare: 1, bets: 2 });
    expect(dashboard.alerts).toEqual(history.alerts);
  });
});

describe('dashboardOf risk figures', () => {
  it('measures drawdown bet by bet in kick-off order, where the weekly close hides a lost early kick-off', () => {
    const early: Match = { ...match, id: 'm2', kickoff: '12:30', homeTeam: 'Burnley', awayTeam: 'Luton', homeTeamId: 'burnley', awayTeamId: 'luton' };
    const oneWeek: RunHistory = {
      ...history,
      weeks: [{ ...week(1, 100_000, 100_000), betsPlaced: 2, stakedCents: 20_000 }],
      bankroll: [{ week: 1, bankrollCents: 100_000, peakCents: 100_000 }],
      // Input order: the 15:00 win first; in kick-off order the 12:30 loss comes first and the bankroll dips to 900.00.
      bets: [
        { ...candidate, week: 1, outcome: 'H', status: 'settled', stakeCents: 10_000, won: true, profitCents: 10_000 },
        { ...candidate, week: 1, matchId: 'm2', outcome: 'H', status: 'settled', stakeCents: 10_000, won: false, profitCents: -10_000 },
      ],
      predictions: ['m1', 'm2'].map((id) => ({ ...history.predictions[0]!, matchId: id })),
    };
    const risk = dashboardOf({ ...run, weekCount: 1 }, oneWeek, new Map([['m1', match], ['m2', early]])).risk;
    expect(risk.maxDrawdown).toEqual({ betByBet: 0.1, betByBetCents: 10_000, weeklyClose: 0 });
    expect(risk.longestLosingRun).toBe(1);
  });

  it('reports log and arithmetic Sharpe side by side, 10,000-resample intervals, no edge to confirm at ROI 0, and no market band without closes', () => {
    const dashboard = dashboardOf(run, history, matches);
    const { risk } = dashboard;
    // Weekly returns +10% then -1/11: the log returns ln 1.1 and ln(1/1.1) cancel exactly, the arithmetic ones do not.
    expect(risk.sharpe.logReturn).toBeCloseTo(0, 12);
    const r = [0.1, -1 / 11];
    const m = (r[0]! + r[1]!) / 2;
    const sd = Math.sqrt(((r[0]! - m) ** 2 + (r[1]! - m) ** 2) / 1);
    expect(risk.sharpe.arithmetic).toBeCloseTo((m / sd) * Math.sqrt(2), 12);
    expect(risk.roiIntervals.resamples).toBe(10_000);
    expect(risk.roiIntervals.weekBlocks).toMatchObject({ weeks: 2 });
    expect(risk.edge).toMatchObject({ betsNeeded: null });
    expect(risk.riskOfRuin.marketFairClose).toBeNull();
    expect(risk.fairCloseBandEnd).toBeNull();
    // Two priced matches are too few for the encompassing regression.
    expect(dashboard.encompassing).toBeNull();
  });

  it('draws the market band from the fair close when every bet has one', () => {
    const closed = new Map([['m1', { ...match, odds: { ...match.odds, pinnacleClose: [1.9, 3.8, 4.2] as [number, number, number] } }]]);
    const risk = dashboardOf(run, history, closed).risk;
    expect(risk.riskOfRuin.marketFairClose).not.toBeNull();
    expect(risk.fairCloseBandEnd!.p05Cents).toBeLessThanOrEqual(risk.fairCloseBandEnd!.p95Cents);
  });
});

describe('searchViewOf', () => {
  it('says which configuration of how many this is and deflates the p-value for every try (Šidák: 1 - 0.7^4 = 0.7599)', () => {
    const view = searchViewOf({ configuration: 3, of: 4 }, 0.3);
    expect(view.deflatedPValue).toBeCloseTo(0.7599, 12);
    expect(view.sentence).toBe('Configuration 3 of 4 tried on this season: one-sided p = 0.300 for ROI > 0, 0.760 deflated (Šidák) for 4 tries.');
    expect(searchViewOf({ configuration: 1, of: 1 }, null).sentence).toBe('Configuration 1 of 1 tried on this season.');
  });
});
