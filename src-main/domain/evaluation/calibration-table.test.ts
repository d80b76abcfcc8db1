import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Outcome, Triple } from '../football/outcome';
import { calibrationTable } from './calibration-table';

describe('calibrationTable', () => {
  it('bins each outcome and the pooled forecasts with count, mean forecast and observed frequency', () => {
    const forecasts: Triple[] = [
      [0.62, 0.25, 0.13],
      [0.68, 0.2, 0.12],
      [0.15, 0.25, 0.6],
    ];
    const results: Outcome[] = ['H', 'D', 'A'];
    const [home, draw, away, pooled] = calibrationTable(forecasts, results, 10);
    // Home bin [0.6, 0.7): 0.62 and 0.68 -> mean 0.65, one of two home wins -> 0.5
    const homeBin = home!.bins[6]!;
    expect(homeBin).toEqual({ lower: 0.6, upper: 0.7, count: 2, meanForecast: expect.closeTo(0.65, 15), observedFrequency: 0.5 });
    // Home bin [0.1, 0.2): 0.15, no home win
    expect(home!.bins[1]).toMatchObject({ count: 1, observedFrequency: 0 });
    // Draw bin [0.2, 0.3): 0.25, 0.20, 0.25 -> mean 0.233333, one draw in three
    expect(draw!.bins[2]).toMatchObject({ count: 3, meanForecast: expect.closeTo(0.7 / 3, 15), observedFrequency: 1 / 3 });
    expect(away!.outcome).toBe('A');
    expect(pooled!.outcome).toBe('pooled');
    // Pooled holds all nine forecasts.
    expect(pooled!.bins.reduce((n, bin) => n + bin.count, 0)).toBe(9);
    // Empty bins say so instead of inventing a 0.
    expect(home!.bins[9]).toEqual({ lower: 0.9, upper: 1, count: 0, meanForecast: null, observedFrequency: null });
  });

  it('puts a probability of exactly 1 in the last bin', () => {
    const [home] = calibrationTable([[1, 0, 0]], ['H'], 4);
    expect(home!.bins[3]).toMatchObject({ lower: 0.75, upper: 1, count: 1, observedFrequency: 1 });
  });

  it('counts every forecast once per curve, whatever the bin count', () => {
    const triple = fc
      .tuple(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }))
      .map(([a, b, c]): Triple => [a / (a + b + c), b / (a + b + c), c / (a + b + c)]);
    fc.assert(
      fc.property(fc.array(fc.tuple(triple, fc.constantFrom<Outcome>('H', 'D', 'A')), { maxLength: 40 }), fc.integer({ min: 1, max: 20 }), (rows, bins) => {
        const curves = calibrationTable(
          rows.map(([p]) => p),
          rows.map(([, r]) => r),
          bins,
        );
        const counts = curves.map((curve) => curve.bins.reduce((n, bin) => n + bin.count, 0));
        return counts[0] === rows.length && counts[1] === rows.length && counts[2] === rows.length && counts[3] === 3 * rows.length;
      }),
    );
  });

  it('rejects a bin count that is not a positive integer', () => {
    expect(() => calibrationTable([], [], 0)).toThrow('bins must be a positive integer, got 0');
    expect(() => calibrationTable([], [], 2.5)).toThrow('bins must be a positive integer, got 2.5');
  });
});
