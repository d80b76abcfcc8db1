import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitOrderedLogit, orderedLogitProbabilities } from './ordered-logit';
import { mulberry32 } from '../domain/evaluation/seeded-random';

const logistic = (v: number) => 1 / (1 + Math.exp(-v));

/** Rows drawn from a known ordered logit: latent score 0.8·x0 − 0.5·x1 plus logistic noise. */
function simulated(count: number, seed: number): { inputs: number[][]; labels: (0 | 1 | 2)[] } {
  const random = mulberry32(seed);
  const inputs: number[][] = [];
  const labels: (0 | 1 | 2)[] = [];
  for (let i = 0; i < count; i++) {
    const x = [2 * random() - 1, 2 * random() - 1];
    const u = random();
    const latent = 0.8 * x[0]! - 0.5 * x[1]! + Math.log(u / (1 - u));
    inputs.push(x);
    labels.push(latent < -0.4 ? 2 : latent < 0.6 ? 1 : 0);
  }
  return { inputs, labels };
}

describe('orderedLogitProbabilities', () => {
  it('splits the logistic curve at the two cut-points', () => {
    // score 0.5, cut-points -1 and 0.3: P(A) = F(-1.5) = 0.182426, P(A or D) = F(-0.2) = 0.450166
    const [home, draw, away] = orderedLogitProbabilities(0.5, [-1, 0.3]);
    expect(away).toBeCloseTo(logistic(-1.5), 12);
    expect(draw).toBeCloseTo(logistic(-0.2) - logistic(-1.5), 12);
    expect(home).toBeCloseTo(1 - logistic(-0.2), 12);
  });
});

describe('fitOrderedLogit', () => {
  it('without inputs puts the cut-points at the logits of the base rates', () => {
    // 5 home wins, 3 draws, 2 away wins: theta1 = logit(0.2) = ln(0.25) = -1.386294, theta2 = logit(0.5) = 0
    const labels: (0 | 1 | 2)[] = [0, 0, 0, 0, 0, 1, 1, 1, 2, 2];
    const fit = fitOrderedLogit(labels.map(() => []), labels, 0);
    expect(fit.converged).toBe(true);
    expect(fit.cutpoints[0]).toBeCloseTo(Math.log(0.25), 10);
    expect(fit.cutpoints[1]).toBeCloseTo(0, 10);
    // mean log-likelihood = 0.5 ln 0.5 + 0.3 ln 0.3 + 0.2 ln 0.2 = -1.029653
    expect(fit.meanLogLikelihood).toBeCloseTo(0.5 * Math.log(0.5) + 0.3 * Math.log(0.3) + 0.2 * Math.log(0.2), 10);
  });

  it('recovers the coefficients and cut-points of the process that drew the rows', () => {
    const { inputs, labels } = simulated(20000, 3);
    const fit = fitOrderedLogit(inputs, labels, 0);
    expect(fit.converged).toBe(true);
    expect(fit.beta[0]).toBeCloseTo(0.8, 1);
    expect(fit.beta[1]).toBeCloseTo(-0.5, 1);
    expect(fit.cutpoints[0]).toBeCloseTo(-0.4, 1);
    expect(fit.cutpoints[1]).toBeCloseTo(0.6, 1);
  });

  it('is a maximum: moving any parameter lowers the penalised likelihood', () => {
    const { inputs, labels } = simulated(400, 4);
    const l2 = 0.01;
    const fit = fitOrderedLogit(inputs, labels, l2);
    const objective = (beta: readonly number[], cut: readonly [number, number]) =>
      inputs.reduce((s, x, i) => s + Math.log(orderedLogitProbabilities(beta[0]! * x[0]! + beta[1]! * x[1]!, cut)[labels[i]!]), 0) / inputs.length -
      l2 * (beta[0]! ** 2 + beta[1]! ** 2);
    const best = objective(fit.beta, fit.cutpoints);
    for (const d of [1e-3, -1e-3]) {
      expect(objective([fit.beta[0]! + d, fit.beta[1]!], fit.cutpoints)).toBeLessThan(best);
      expect(objective([fit.beta[0]!, fit.beta[1]! + d], fit.cutpoints)).toBeLessThan(best);
      expect(objective(fit.beta, [fit.cutpoints[0] + d, fit.cutpoints[1]])).toBeLessThan(best);
      expect(objective(fit.beta, [fit.cutpoints[0], fit.cutpoints[1] + d])).toBeLessThan(best);
    }
  });

  it('is symmetric: mirrored results (home <-> away) give negated coefficients and mirrored cut-points', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const { inputs, labels } = simulated(120, seed);
        const fit = fitOrderedLogit(inputs, labels, 0.05);
        // A home win where an away win was is the same model on the score -s: beta -> -beta, (theta1, theta2) -> (-theta2, -theta1).
        const mirrored = fitOrderedLogit(
          inputs,
          labels.map((l) => (2 - l) as 0 | 1 | 2),
          0.05,
        );
        expect(mirrored.beta[0]).toBeCloseTo(-fit.beta[0]!, 6);
        expect(mirrored.cutpoints[0]).toBeCloseTo(-fit.cutpoints[1], 6);
        expect(mirrored.cutpoints[1]).toBeCloseTo(-fit.cutpoints[0], 6);
      }),
      { numRuns: 20 },
    );
  });

  it('rejects empty or mismatched training data', () => {
    expect(() => fitOrderedLogit([], [], 0)).toThrow('fitOrderedLogit: no training rows');
    expect(() => fitOrderedLogit([[1]], [0, 1], 0)).toThrow('fitOrderedLogit: 1 rows but 2 labels');
  });
});
