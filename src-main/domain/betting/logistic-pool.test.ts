import { describe, expect, it } from 'vitest';
import type { Triple } from '../football/outcome';
import { mulberry32 } from '../evaluation/seeded-random';
import { fitPoolWeight, poolProbabilities, type PoolObservation } from './logistic-pool';
import { draw, gaussian, softmax } from '../evaluation/testing/synthetic-outcomes';

const model: Triple = [0.5, 0.3, 0.2];
const market: Triple = [0.4, 0.3, 0.3];

describe('poolProbabilities', () => {
  it('is the market at weight 0 and the model at weight 1', () => {
    poolProbabilities(model, market, 0).forEach((p, k) => expect(p).toBeCloseTo(market[k]!, 14));
    poolProbabilities(model, market, 1).forEach((p, k) => expect(p).toBeCloseTo(model[k]!, 14));
  });

  it('takes the normalised geometric mean at weight 1/2, worked by hand', () => {
    // sqrt(0.5*0.4) = 0.447214, sqrt(0.3*0.3) = 0.3, sqrt(0.2*0.3) = 0.244949; total 0.992163
    const total = Math.sqrt(0.2) + 0.3 + Math.sqrt(0.06);
    const pooled = poolProbabilities(model, market, 0.5);
    expect(pooled[0]).toBeCloseTo(Math.sqrt(0.2) / total, 14);
    expect(pooled[1]).toBeCloseTo(0.3 / total, 14);
    expect(pooled[2]).toBeCloseTo(Math.sqrt(0.06) / total, 14);
  });

  it('stays finite when the model puts 0 on an outcome', () => {
    const pooled = poolProbabilities([0.7, 0.3, 0], market, 0.5);
    expect(pooled.every((p) => Number.isFinite(p) && p >= 0)).toBe(true);
    expect(pooled[2]).toBeLessThan(1e-5);
  });

  it('rejects bad inputs with the reason', () => {
    expect(() => poolProbabilities(model, market, Number.NaN)).toThrow('pool weight must be a finite number, got NaN');
    expect(() => poolProbabilities([0.5, 0.5, 0.5], market, 0.5)).toThrow('model probabilities at match 0 must sum to 1, got 1.5');
    expect(() => poolProbabilities(model, [0.4, -0.1, 0.7], 0.5)).toThrow('market probabilities at match 0 must be three numbers in [0, 1]');
  });
});

/** A synthetic league: a true H/D/A per match, results drawn from it. */
function synthetic(n: number, seed: number, noiseModel: number, noiseMarket: number): PoolObservation[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const strength = gaussian(random);
    const truth = [0.3 + 0.8 * strength, 0, 0.3 - 0.8 * strength];
    const noisy = (sd: number) => softmax(truth.map((t) => t + sd * gaussian(random)));
    return { model: noisy(noiseModel), market: noisy(noiseMarket), result: draw(softmax(truth), random()) };
  });
}

describe('fitPoolWeight', () => {
  it('puts most weight on the model when the model is the truth and the market is noisy', () => {
    const fit = fitPoolWeight(synthetic(4000, 1, 0, 0.6));
    expect(fit.weight).toBeGreaterThan(0.7);
    expect(fit.matches).toBe(4000);
  });

  it('puts most weight on the market when the market is the truth and the model is noisy', () => {
    const fit = fitPoolWeight(synthetic(4000, 2, 0.6, 0));
    expect(fit.weight).toBeLessThan(0.3);
    expect(fit.standardError).toBeGreaterThan(0);
  });

  it('finds the stationary point of the log likelihood (its derivative is 0 there)', () => {
    const observations = synthetic(2000, 3, 0.4, 0.4);
    const fit = fitPoolWeight(observations);
    const meanLogLik = (w: number) => observations.reduce((s, o) => s + Math.log(poolProbabilities(o.model, o.market, w)[['H', 'D', 'A'].indexOf(o.result)]!), 0);
    const h = 1e-4;
    expect(Math.abs(meanLogLik(fit.unconstrainedWeight + h) - meanLogLik(fit.unconstrainedWeight - h)) / (2 * h)).toBeLessThan(1e-3);
    expect(meanLogLik(fit.weight)).toBeGreaterThanOrEqual(meanLogLik(fit.weight + 0.05));
    expect(meanLogLik(fit.weight)).toBeGreaterThanOrEqual(meanLogLik(fit.weight - 0.05));
    // Equal noise: neither source is better, so the pool weighs them about equally.
    expect(fit.weight).toBeGreaterThan(0.3);
    expect(fit.weight).toBeLessThan(0.7);
  });

  it('gives a pure-noise model almost no weight', () => {
    const random = mulberry32(9);
    const observations = synthetic(3000, 4, 0, 0).map((o) => ({ ...o, model: softmax([gaussian(random), gaussian(random), gaussian(random)].map((x) => 2 * x)) }));
    expect(fitPoolWeight(observations).weight).toBeLessThan(0.05);
  });

  it('clips to 0 when the model points the wrong way, and reports the negative unconstrained maximiser', () => {
    const observations = synthetic(3000, 5, 0, 0).map((o) => ({ ...o, model: [o.market[2], o.market[1], o.market[0]] as Triple }));
    const fit = fitPoolWeight(observations);
    expect(fit.weight).toBe(0);
    expect(fit.unconstrainedWeight).toBeLessThan(0);
  });

  it('recovers a known weight from results drawn from the pool at that weight, within two standard errors', () => {
    const random = mulberry32(11);
    for (const truth of [0, 0.3, 1]) {
      const observations = synthetic(6000, 12 + truth * 10, 0.5, 0.5).map((o) => ({ ...o, result: draw(poolProbabilities(o.model, o.market, truth), random()) }));
      const fit = fitPoolWeight(observations);
      expect(Math.abs(fit.unconstrainedWeight - truth)).toBeLessThan(2 * fit.standardError);
      expect(fit.standardError).toBeLessThan(0.1);
    }
  });

  it('refuses an empty fit and names a bad row', () => {
    expect(() => fitPoolWeight([])).toThrow('cannot fit a pool weight on no matches');
    expect(() => fitPoolWeight([{ model, market, result: 'H' }, { model: [1, 1, 1], market, result: 'D' }])).toThrow('model probabilities at match 1 must sum to 1, got 3');
  });
});
