import { describe, expect, it } from 'vitest';
import { fitDixonColesRatings, predictDixonColes } from './dixon-coles-ratings';
import { fitShotRateRatings, predictShotRates } from './shot-rate-ratings';
import { DEFAULT_MODEL_CONFIG } from './outcome-model';
import { syntheticLeague } from './synthetic-league';
import { dixonColesTau } from './goal-grid';
import { daysBetween } from '../domain/football/betting-week';

const league = syntheticLeague({ seed: 13, teams: 10, seasons: ['1920', '2021'], promotedPerSeason: 2 });
const settings = DEFAULT_MODEL_CONFIG.dixonColes;
const cutoff = '2020-08-04'; // before the second season: its two promoted teams have no history
const history = league.filter((m) => m.date < cutoff);
const promoted = [...new Set(league.filter((m) => m.season === '2021').map((m) => m.homeTeamId))].filter((t) => !history.some((m) => m.homeTeamId === t));

describe('fitDixonColesRatings', () => {
  it('fits only matches before the cutoff, converged, and records the last date used', () => {
    const ratings = fitDixonColesRatings(league, cutoff, settings);
    expect(ratings.converged).toBe(true);
    expect(ratings.matchesUsed).toBe(history.length);
    expect(ratings.trainedThrough).toBe(history.at(-1)!.date);
  });

  it('gives promoted teams the mean of the three lowest-rated sides', () => {
    expect(promoted).toHaveLength(2);
    const ratings = fitDixonColesRatings(history, cutoff, settings);
    const p = ratings.parameters;
    const lowest = Object.keys(p.attack).sort((a, b) => p.attack[a]! + p.defence[a]! - (p.attack[b]! + p.defence[b]!)).slice(0, 3);
    expect(ratings.newcomerPrior.attack).toBeCloseTo(lowest.reduce((s, t) => s + p.attack[t]!, 0) / 3, 12);
    const [established] = Object.keys(p.attack);
    const newcomer = predictDixonColes(ratings, promoted[0]!, established!);
    const manual = Math.exp(p.intercept + p.homeAdvantage + ratings.newcomerPrior.attack - p.defence[established!]!);
    expect(newcomer.homeRate).toBeCloseTo(manual, 12);
  });

  it('down-weights old matches: with a fast decay the fit follows recent form', () => {
    const slow = fitDixonColesRatings(history, cutoff, { ...settings, xiPerDay: 0 });
    const fast = fitDixonColesRatings(history, cutoff, { ...settings, xiPerDay: 0.05 });
    expect(fast.parameters.attack).not.toEqual(slow.parameters.attack);
  });

  describe('with the expected-goals proxy (xgAlpha)', () => {
    const xg = { ...settings, xgAlpha: 0.3 };

    const goalsOnly = { ...settings, xgAlpha: 0 };

    it('is the plain fit at xgAlpha 0 (or absent)', () => {
      const { xgAlpha: _absent, ...withoutAlpha } = settings;
      expect(fitDixonColesRatings(history, cutoff, goalsOnly).parameters).toEqual(fitDixonColesRatings(history, cutoff, withoutAlpha).parameters);
      expect(fitDixonColesRatings(history, cutoff, goalsOnly).parameters).not.toEqual(fitDixonColesRatings(history, cutoff, xg).parameters);
    });

    it('rates attacks by shots on target too: extra earlier shots on target raise a team\'s attack, its goals unchanged', () => {
      const team = history[0]!.homeTeamId;
      const moreShots = history.map((m) => (m.homeTeamId === team ? { ...m, homeShotsOnTarget: m.homeShotsOnTarget! + 3 } : m));
      expect(fitDixonColesRatings(moreShots, cutoff, xg).parameters.attack[team]!).toBeGreaterThan(fitDixonColesRatings(history, cutoff, xg).parameters.attack[team]!);
      expect(fitDixonColesRatings(moreShots, cutoff, goalsOnly).parameters).toEqual(fitDixonColesRatings(history, cutoff, goalsOnly).parameters);
    });

    it('uses only matches before the cutoff', () => {
      const later = league.map((m) => (m.date >= cutoff ? { ...m, homeGoals: 7, homeShotsOnTarget: 30 } : m));
      expect(fitDixonColesRatings(later, cutoff, xg)).toEqual(fitDixonColesRatings(league, cutoff, xg));
    });

    it('fits rho on the real scores: the weighted log tau is highest at the fitted rho', () => {
      const ratings = fitDixonColesRatings(history, cutoff, xg);
      const p = ratings.parameters;
      const logTau = (rho: number) =>
        history.reduce((sum, m) => {
          const lh = Math.exp(p.intercept + p.homeAdvantage + p.attack[m.homeTeamId]! - p.defence[m.awayTeamId]!);
          const la = Math.exp(p.intercept + p.attack[m.awayTeamId]! - p.defence[m.homeTeamId]!);
          return sum + Math.exp(-settings.xiPerDay * daysBetween(m.date, cutoff)) * Math.log(dixonColesTau(m.homeGoals, m.awayGoals, lh, la, rho));
        }, 0);
      expect(Number.isFinite(logTau(p.rho))).toBe(true);
      expect(logTau(p.rho)).toBeGreaterThan(logTau(p.rho + 0.01));
      expect(logTau(p.rho)).toBeGreaterThan(logTau(p.rho - 0.01));
    });
  });

  it('says when there is nothing to fit', () => {
    expect(() => fitDixonColesRatings(history, '2000-01-01', settings)).toThrow('No matches in the 1460 days before 2000-01-01 to fit Dixon-Coles on');
  });
});

describe('fitShotRateRatings', () => {
  it('predicts more shots on target for the stronger side and handles unseen teams', () => {
    const ratings = fitShotRateRatings(history, cutoff, settings)!;
    const p = ratings.parameters;
    const teams = Object.keys(p.attack).sort((a, b) => p.attack[b]! - p.attack[a]!);
    const strongHome = predictShotRates(ratings, teams[0]!, teams.at(-1)!);
    expect(strongHome.logHome).toBeGreaterThan(strongHome.logAway);
    const unseen = predictShotRates(ratings, 'nobody', teams[0]!);
    expect(Number.isFinite(unseen.logHome)).toBe(true);
  });

  it('returns null when the data has no shot counts', () => {
    const noShots = history.map((m) => ({ ...m, homeShotsOnTarget: null, awayShotsOnTarget: null }));
    expect(fitShotRateRatings(noShots, cutoff, settings)).toBeNull();
  });
});
