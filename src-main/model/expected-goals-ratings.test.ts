import { describe, expect, it } from 'vitest';
import { fitExpectedGoalsRatings } from './expected-goals-ratings';
import { fitGoalModel } from './goal-model-fit';
import { fitShotRateRatings, predictShotRates } from './shot-rate-ratings';
import { DEFAULT_MODEL_CONFIG } from './outcome-model';
import { syntheticLeague } from './synthetic-league';
import { daysBetween } from '../domain/football/betting-week';

const league = syntheticLeague({ seed: 17, teams: 10, seasons: ['1920', '2021'], promotedPerSeason: 2 });
const settings = DEFAULT_MODEL_CONFIG.dixonColes;
const cutoff = '2020-11-03';
const before = league.filter((m) => m.date < cutoff);

describe('fitExpectedGoalsRatings', () => {
  it('with alpha 0 is the goals-only Poisson fit (same decay and ridge)', () => {
    const ratings = fitExpectedGoalsRatings(league, cutoff, settings, 0)!;
    const goals = fitGoalModel(
      before.map((m) => ({ homeTeam: m.homeTeamId, awayTeam: m.awayTeamId, homeGoals: m.homeGoals, awayGoals: m.awayGoals, weight: Math.exp(-settings.xiPerDay * daysBetween(m.date, cutoff)) })),
      { dixonColes: false, ridge: settings.ridge },
    );
    expect(ratings.parameters.intercept).toBeCloseTo(goals.parameters.intercept, 10);
    expect(ratings.parameters.attack).toEqual(goals.parameters.attack);
  });

  it('with alpha 1 ranks teams as the shot-on-target ratings do, shifted by the log conversion rate', () => {
    // Counts = c · shots on target: without a ridge (which does not scale with the counts) the
    // Poisson score equations are linear in the counts, so every team effect is unchanged and only
    // the intercept moves, by ln c.
    const plain = { ...settings, ridge: 0 };
    const xg = fitExpectedGoalsRatings(league, cutoff, plain, 1)!;
    const shots = fitShotRateRatings(league, cutoff, plain)!;
    const c = before.reduce((s, m) => s + m.homeGoals + m.awayGoals, 0) / before.reduce((s, m) => s + m.homeShotsOnTarget! + m.awayShotsOnTarget!, 0);
    const [home, away] = [before[0]!.homeTeamId, before[0]!.awayTeamId];
    expect(predictShotRates(xg, home, away).logHome).toBeCloseTo(predictShotRates(shots, home, away).logHome + Math.log(c), 8);
  });

  it('uses only matches before the cutoff: later results and shots do not change it', () => {
    const changed = league.map((m) => (m.date >= cutoff ? { ...m, homeGoals: m.homeGoals + 4, homeShotsOnTarget: 25 } : m));
    expect(fitExpectedGoalsRatings(changed, cutoff, settings, 0.5)).toEqual(fitExpectedGoalsRatings(league, cutoff, settings, 0.5));
  });

  it('rejects an alpha outside [0, 1] with the value named', () => {
    expect(() => fitExpectedGoalsRatings(league, cutoff, settings, 1.5)).toThrow('Expected-goals blend alpha must be in [0, 1], got 1.5');
  });
});
