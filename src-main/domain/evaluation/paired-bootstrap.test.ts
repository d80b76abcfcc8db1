import { describe, expect, it } from 'vitest';
import { pairedBootstrap, quantileOfSorted } from './paired-bootstrap';

const options = { resamples: 2000, seed: 1, level: 0.95 };

describe('pairedBootstrap', () => {
  it('reports the mean difference exactly: model 0.5, 0.6 against market 0.4, 0.4 -> +0.15', () => {
    // differences 0.1 and 0.2 -> mean 0.15
    const result = pairedBootstrap([0.5, 0.6], [0.4, 0.4], options);
    expect(result.meanDifference).toBeCloseTo(0.15, 15);
    // Every resample mean lies between the smallest and largest difference.
    expect(result.lower).toBeGreaterThanOrEqual(0.1 - 1e-15);
    expect(result.upper).toBeLessThanOrEqual(0.2 + 1e-15);
    expect(result.significant).toBe(true);
  });

  it('finds no significant difference between identical scores', () => {
    const scores = [0.3, 0.7, 0.2, 0.9];
    expect(pairedBootstrap(scores, scores, options)).toEqual({ meanDifference: 0, lower: 0, upper: 0, significant: false });
  });

  it('gives the same interval for the same seed and brackets the mean of a noisy difference', () => {
    const model = Array.from({ length: 200 }, (_, i) => 0.5 + 0.3 * Math.sin(i * 1.7));
    const market = Array.from({ length: 200 }, (_, i) => 0.5 + 0.3 * Math.sin(i * 1.7 + 0.4));
    const first = pairedBootstrap(model, market, options);
    expect(pairedBootstrap(model, market, options)).toEqual(first);
    expect(first.lower).toBeLessThan(first.meanDifference);
    expect(first.upper).toBeGreaterThan(first.meanDifference);
    // The interval is about 2 * 1.96 standard errors wide; sd of the differences / sqrt(200).
    const diffs = model.map((m, i) => m - market[i]!);
    const mean = diffs.reduce((a, b) => a + b, 0) / diffs.length;
    const sd = Math.sqrt(diffs.reduce((a, d) => a + (d - mean) ** 2, 0) / (diffs.length - 1));
    const expectedWidth = 2 * 1.96 * (sd / Math.sqrt(diffs.length));
    expect((first.upper - first.lower) / expectedWidth).toBeGreaterThan(0.85);
    expect((first.upper - first.lower) / expectedWidth).toBeLessThan(1.15);
  });

  it('rejects bad input with the value at fault', () => {
    expect(() => pairedBootstrap([1], [1, 2], options)).toThrow('model and market scores differ in length: 1 and 2');
    expect(() => pairedBootstrap([], [], options)).toThrow('cannot bootstrap an empty list of scores');
    expect(() => pairedBootstrap([1, Number.NaN], [1, 1], options)).toThrow('scores must be finite numbers, got model NaN and market 1 at match 1');
    expect(() => pairedBootstrap([1], [1], { ...options, resamples: 0 })).toThrow('resamples must be a positive integer, got 0');
    expect(() => pairedBootstrap([1], [1], { ...options, level: 1 })).toThrow('level must be strictly between 0 and 1, got 1');
  });
});

describe('quantileOfSorted', () => {
  it('interpolates between order statistics like R type 7', () => {
    // position (5-1)*0.3 = 1.2 -> 20 + 0.2*(30-20) = 22
    expect(quantileOfSorted([10, 20, 30, 40, 50], 0.3)).toBeCloseTo(22, 12);
    expect(quantileOfSorted([10, 20, 30, 40, 50], 1)).toBe(50);
  });
});
