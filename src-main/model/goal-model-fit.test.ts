import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitGoalModel, type GoalObservation } from './goal-model-fit';
import { outcomeProbabilitiesFromRates } from './goal-grid';

const referenceDir = path.resolve(process.cwd(), '../shared/testdata/goalmodel');

interface ReferencePrediction {
  home: string;
  away: string;
  expg_home: number;
  expg_away: number;
  p_home: number;
  p_draw: number;
  p_away: number;
}
interface ReferenceBlock {
  loglikelihood: number;
  parameters: { intercept: number; hfa: number; rho?: number; attack: Record<string, number>; defense: Record<string, number> };
  predictions: ReferencePrediction[];
}
type ReferenceFit = ReferenceBlock & { refined?: ReferenceBlock };

function readReference(name: string): ReferenceFit {
  return JSON.parse(readFileSync(path.join(referenceDir, name), 'utf8')) as ReferenceFit;
}

function readMatches(weighted: boolean): GoalObservation[] {
  const [header, ...rows] = readFileSync(path.join(referenceDir, 'matches_2122_2223.csv'), 'utf8').trim().split('\n');
  expect(header).toBe('date,home,away,hg,ag,season,weight_xi0.0019');
  return rows.map((row) => {
    const [, home, away, hg, ag, , weight] = row.split(',');
    return { homeTeam: home!, awayTeam: away!, homeGoals: Number(hg), awayGoals: Number(ag), weight: weighted ? Number(weight) : 1 };
  });
}

const cases = [
  { file: 'poisson.json', dixonColes: false, weighted: false, tolerance: 1e-8 },
  { file: 'poisson_weighted.json', dixonColes: false, weighted: true, tolerance: 1e-8 },
  { file: 'dixoncoles.json', dixonColes: true, weighted: false, tolerance: 1e-6 },
  { file: 'dixoncoles_weighted.json', dixonColes: true, weighted: true, tolerance: 1e-6 },
] as const;

describe('fitGoalModel against goalmodel 0.6.4 (R) reference fits', () => {
  for (const c of cases) {
    it(`reproduces ${c.file} (parameters, log-likelihood, expected goals, probabilities) within ${c.tolerance}`, () => {
      const raw = readReference(c.file);
      // Dixon-Coles: the package's own optimum is not converged; the `refined` block is.
      const reference = c.dixonColes ? raw.refined! : raw;
      const fit = fitGoalModel(readMatches(c.weighted), { dixonColes: c.dixonColes });
      expect(fit.converged).toBe(true);
      const p = fit.parameters;
      expect(Math.abs(p.intercept - reference.parameters.intercept)).toBeLessThan(c.tolerance);
      expect(Math.abs(p.homeAdvantage - reference.parameters.hfa)).toBeLessThan(c.tolerance);
      expect(Math.abs(p.rho - (reference.parameters.rho ?? 0))).toBeLessThan(c.tolerance);
      for (const team of fit.teams) {
        expect(Math.abs(p.attack[team]! - reference.parameters.attack[team]!)).toBeLessThan(c.tolerance);
        expect(Math.abs(p.defence[team]! - reference.parameters.defense[team]!)).toBeLessThan(c.tolerance);
      }
      expect(Math.abs(fit.logLikelihood - reference.loglikelihood)).toBeLessThan(c.tolerance);
      expect(reference.predictions).toHaveLength(31);
      for (const r of reference.predictions) {
        const homeRate = Math.exp(p.intercept + p.homeAdvantage + p.attack[r.home]! - p.defence[r.away]!);
        const awayRate = Math.exp(p.intercept + p.attack[r.away]! - p.defence[r.home]!);
        expect(Math.abs(homeRate - r.expg_home)).toBeLessThan(c.tolerance);
        expect(Math.abs(awayRate - r.expg_away)).toBeLessThan(c.tolerance);
        const [home, draw, away] = outcomeProbabilitiesFromRates(homeRate, awayRate, p.rho);
        expect(Math.abs(home - r.p_home)).toBeLessThan(c.tolerance);
        expect(Math.abs(draw - r.p_draw)).toBeLessThan(c.tolerance);
        expect(Math.abs(away - r.p_away)).toBeLessThan(c.tolerance);
      }
    });
  }
});

describe('fitGoalModel behaviour', () => {
  const observations = readMatches(true);

  it('keeps attack and defence summing to zero, with and without a ridge', () => {
    for (const ridge of [0, 2]) {
      const { parameters } = fitGoalModel(observations, { dixonColes: true, ridge });
      const sum = (r: Readonly<Record<string, number>>) => Object.values(r).reduce((s, v) => s + v, 0);
      expect(Math.abs(sum(parameters.attack))).toBeLessThan(1e-12);
      expect(Math.abs(sum(parameters.defence))).toBeLessThan(1e-12);
    }
  });

  it('shrinks ratings toward zero as the ridge grows', () => {
    const spread = (ridge: number) => {
      const { parameters } = fitGoalModel(observations, { dixonColes: true, ridge });
      return Object.values(parameters.attack).reduce((s, v) => s + v * v, 0);
    };
    expect(spread(5)).toBeLessThan(spread(0));
    expect(spread(50)).toBeLessThan(spread(5));
  });

  it('converges from last fit as a warm start to the same optimum', () => {
    const cold = fitGoalModel(observations, { dixonColes: true, ridge: 1 });
    const warm = fitGoalModel(observations, { dixonColes: true, ridge: 1, start: cold.parameters });
    expect(warm.iterations).toBeLessThanOrEqual(1);
    expect(Math.abs(warm.parameters.rho - cold.parameters.rho)).toBeLessThan(1e-9);
  });

  it('gives finite, converged fits on any small league of random scores', () => {
    const teams = ['a', 'b', 'c', 'd'];
    const match = fc.record({
      home: fc.integer({ min: 0, max: 3 }),
      offset: fc.integer({ min: 1, max: 3 }),
      homeGoals: fc.integer({ min: 0, max: 6 }),
      awayGoals: fc.integer({ min: 0, max: 6 }),
      weight: fc.double({ min: 0.05, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(match, { minLength: 12, maxLength: 40 }), (rows) => {
        const obs = rows.map((m) => ({ homeTeam: teams[m.home]!, awayTeam: teams[(m.home + m.offset) % 4]!, homeGoals: m.homeGoals, awayGoals: m.awayGoals, weight: m.weight }));
        const fit = fitGoalModel(obs, { dixonColes: true, ridge: 1 });
        expect(fit.converged).toBe(true);
        for (const v of [fit.parameters.intercept, fit.parameters.homeAdvantage, fit.parameters.rho, ...Object.values(fit.parameters.attack)]) {
          expect(Number.isFinite(v)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('rejects broken observations with the match named', () => {
    const bad = [{ homeTeam: 'A', awayTeam: 'B', homeGoals: -1, awayGoals: 0, weight: 1 }];
    expect(() => fitGoalModel(bad, { dixonColes: true })).toThrow('Observation 0 (A v B): goals must be non-negative integers, got -1-0');
    expect(() => fitGoalModel([{ homeTeam: 'A', awayTeam: 'B', homeGoals: 1, awayGoals: 0, weight: Number.NaN }], { dixonColes: true })).toThrow(
      'Observation 0 (A v B): weight must be finite and >= 0, got NaN',
    );
    expect(() => fitGoalModel([], { dixonColes: true })).toThrow('A goal model needs matches between at least 2 teams, got 0');
    const fractional = [{ homeTeam: 'A', awayTeam: 'B', homeGoals: 1.5, awayGoals: 0, weight: 1 }];
    expect(() => fitGoalModel(fractional, { dixonColes: true })).toThrow('Observation 0 (A v B): goals must be non-negative integers, got 1.5-0');
    expect(() => fitGoalModel([{ ...fractional[0]!, awayGoals: -0.5 }], { dixonColes: false })).toThrow('Observation 0 (A v B): goals must be non-negative finite numbers, got 1.5--0.5');
  });

  it('fits fractional counts in a Poisson fit: the mean count on a two-team field, and the log-likelihood with ln Γ', () => {
    // One home and one away game each way: A scores 1.5 at home, B 0.5 away; B scores 2.5 at home, A 0.5 away.
    // The Poisson MLE reproduces the row and column totals: home mean (1.5 + 2.5) / 2 = 2, away mean (0.5 + 0.5) / 2 = 0.5,
    // so intercept = ln 0.5 and home advantage = ln(2 / 0.5) = ln 4 with the attack/defence effects cancelling.
    const obs = [
      { homeTeam: 'A', awayTeam: 'B', homeGoals: 1.5, awayGoals: 0.5, weight: 1 },
      { homeTeam: 'B', awayTeam: 'A', homeGoals: 2.5, awayGoals: 0.5, weight: 1 },
    ];
    const fit = fitGoalModel(obs, { dixonColes: false });
    expect(fit.converged).toBe(true);
    const p = fit.parameters;
    const rate = (h: string, a: string) => Math.exp(p.intercept + p.homeAdvantage + p.attack[h]! - p.defence[a]!);
    expect(rate('A', 'B') + rate('B', 'A')).toBeCloseTo(4, 8);
    // ln Γ(2.5) = ln(0.75 √π) = 0.2846828704729192; ln Γ(3.5) = ln(1.875 √π) = 1.2009736023470743; ln Γ(1.5) = ln(√π / 2) = -0.12078223763524522
    const lnGamma = { 1.5: -0.12078223763524522, 2.5: 0.2846828704729192, 3.5: 1.2009736023470743 };
    let expected = 0;
    for (const o of obs) {
      const lh = rate(o.homeTeam, o.awayTeam);
      const la = Math.exp(p.intercept + p.attack[o.awayTeam]! - p.defence[o.homeTeam]!);
      expected += o.homeGoals * Math.log(lh) - lh - lnGamma[(o.homeGoals + 1) as 2.5 | 3.5] + o.awayGoals * Math.log(la) - la - lnGamma[(o.awayGoals + 1) as 1.5];
    }
    expect(fit.logLikelihood).toBeCloseTo(expected, 10);
  });
});

describe('outcomeProbabilitiesFromRates', () => {
  it('equals the hand-worked independent Poisson case with rho = 0', () => {
    // lambda_h = lambda_a = 1: P(draw) = sum_k e^-2 / (k!)^2 = e^-2 * I0(2) = 0.1353353 * 2.2795853 = 0.3085083
    const [home, draw, away] = outcomeProbabilitiesFromRates(1, 1, 0);
    expect(draw).toBeCloseTo(0.308508322553671, 12);
    expect(home).toBeCloseTo(away, 12);
  });

  it('moves probability into draws when rho < 0 (tau > 1 on 0-0 and 1-1) and out of them when rho > 0', () => {
    const independent = outcomeProbabilitiesFromRates(1.4, 1.1, 0)[1];
    expect(outcomeProbabilitiesFromRates(1.4, 1.1, -0.1)[1]).toBeGreaterThan(independent);
    expect(outcomeProbabilitiesFromRates(1.4, 1.1, 0.1)[1]).toBeLessThan(independent);
  });
});
