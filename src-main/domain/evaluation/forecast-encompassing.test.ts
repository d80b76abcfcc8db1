import { describe, expect, it } from 'vitest';
import type { Triple } from '../football/outcome';
import { mulberry32 } from './seeded-random';
import { testForecastEncompassing, type EncompassingObservation } from './forecast-encompassing';
import { draw, gaussian, softmax } from './testing/synthetic-outcomes';


/**
 * A synthetic league: the truth is a public strength s plus a private signal t. The market
 * sees s only; the model sees s plus noise, and t when `modelSeesPrivate`.
 */
function league(n: number, seed: number, modelSeesPrivate: boolean): EncompassingObservation[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const s = gaussian(random);
    const t = 0.6 * gaussian(random);
    const logits = (x: number) => [0.25 + 0.7 * x, 0, 0.25 - 0.7 * x];
    const truth = softmax(logits(s + t));
    const market = softmax(logits(s));
    const model = softmax(logits(s + 0.3 * gaussian(random) + (modelSeesPrivate ? t : 0)));
    return { market, model, result: draw(truth, random()) };
  });
}

describe('testForecastEncompassing', () => {
  it('finds the model\'s information when it sees a signal the market does not', () => {
    const result = testForecastEncompassing(league(5000, 1, true), { level: 0.95 });
    expect(result.modelAddsInformation).toBe(true);
    expect(result.modelSlope.lower).toBeGreaterThan(0);
    expect(result.modelWeight).toBeGreaterThan(0.3);
    expect(result.verdict).toMatch(/^The model carries information the market lacks: its log-odds weight /);
  });

  it('finds none when the model is the market plus noise', () => {
    const result = testForecastEncompassing(league(5000, 2, false), { level: 0.95 });
    expect(result.modelAddsInformation).toBe(false);
    expect(result.modelSlope.lower).toBeLessThan(0.05);
    expect(result.marketSlope.estimate).toBeGreaterThan(0.7);
    expect(result.verdict).toMatch(/^The model carries no information the market lacks/);
  });

  it('recovers the slopes of a known data-generating logit', () => {
    // Outcomes drawn from P ∝ exp(0.6 ln q + 0.4 ln p): the fit returns a ≈ 0.6, b ≈ 0.4.
    const random = mulberry32(3);
    const observations = Array.from({ length: 20_000 }, (): EncompassingObservation => {
      const market = softmax([gaussian(random), 0, gaussian(random)]);
      const model = softmax([gaussian(random), 0, gaussian(random)]);
      const truth = softmax([0, 1, 2].map((k) => 0.6 * Math.log(market[k]!) + 0.4 * Math.log(model[k]!)));
      return { market, model, result: draw(truth, random()) };
    });
    const result = testForecastEncompassing(observations, { level: 0.95 });
    expect(result.marketSlope.lower).toBeLessThan(0.6);
    expect(result.marketSlope.upper).toBeGreaterThan(0.6);
    expect(result.modelSlope.lower).toBeLessThan(0.4);
    expect(result.modelSlope.upper).toBeGreaterThan(0.4);
    expect(Math.abs(result.intercepts.draw)).toBeLessThan(0.1);
    expect(result.modelSlope.upper - result.modelSlope.lower).toBeCloseTo(2 * 1.959964 * result.modelSlope.standardError, 6);
  });

  it('refuses too few matches, a bad level, a bad forecast and collinear forecasts', () => {
    const few = league(5, 4, true);
    expect(() => testForecastEncompassing(few, { level: 0.95 })).toThrow('forecast encompassing needs at least 10 matches, got 5');
    expect(() => testForecastEncompassing(league(20, 4, true), { level: 95 })).toThrow('level must be strictly between 0 and 1, got 95');
    const bad = league(20, 4, true).map((o, i) => (i === 7 ? { ...o, model: [0.5, 0.5, 0.5] as Triple } : o));
    expect(() => testForecastEncompassing(bad, { level: 0.95 })).toThrow('model probabilities at match 7 must be three numbers in [0, 1] summing to 1');
    const same = league(200, 5, true).map((o) => ({ ...o, model: o.market }));
    expect(() => testForecastEncompassing(same, { level: 0.95 })).toThrow('the two forecasts are collinear');
  });
});
