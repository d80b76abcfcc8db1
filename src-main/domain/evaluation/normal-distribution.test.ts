import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from './normal-distribution';

describe('normal distribution', () => {
  it('matches reference values of the cdf', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963985)).toBeCloseTo(0.975, 7);
    expect(normalCdf(-1)).toBeCloseTo(0.158655254, 7);
    expect(normalCdf(3)).toBeCloseTo(0.998650102, 7);
  });

  it('matches reference quantiles and inverts the cdf', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 6);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644853627, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 5);
    for (const p of [0.01, 0.2, 0.5, 0.7, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 7);
  });

  it('refuses p outside (0, 1)', () => {
    expect(() => normalQuantile(1)).toThrow('normalQuantile: p must be strictly between 0 and 1, got 1');
    expect(() => normalCdf(Number.NaN)).toThrow('normalCdf: x must be a number, got NaN');
  });
});
