import { describe, expect, it } from 'vitest';
import type { Outcome, Triple } from '../football/outcome';
import { addCalibrationBins, calibrationBinTotals, rmsCalibrationError, rmsCalibrationErrorOfBins } from './calibration-error';

describe('rmsCalibrationError', () => {
  it('is 0 for forecasts whose bins hit exactly their mean', () => {
    // 0.5/0.3/0.2 forecast on 10 matches with 5 H, 3 D, 2 A: every bin observed = forecast.
    const forecasts: Triple[] = Array.from({ length: 10 }, () => [0.5, 0.3, 0.2]);
    const results: Outcome[] = ['H', 'H', 'H', 'H', 'H', 'D', 'D', 'D', 'A', 'A'];
    expect(rmsCalibrationError(forecasts, results, 10, 1)).toBeCloseTo(0, 12);
  });

  it('is the count-weighted root mean square of the bin gaps, worked by hand', () => {
    // Forecast 0.6/0.3/0.1 on 10 matches, all home wins. Bins: 0.6 -> observed 1 (gap 0.4),
    // 0.3 -> 0 (gap 0.3), 0.1 -> 0 (gap 0.1); each bin holds 10 forecasts.
    const forecasts: Triple[] = Array.from({ length: 10 }, () => [0.6, 0.3, 0.1]);
    const results: Outcome[] = Array.from({ length: 10 }, () => 'H');
    expect(rmsCalibrationError(forecasts, results, 10, 1)).toBeCloseTo(Math.sqrt((0.16 + 0.09 + 0.01) / 3), 12);
  });

  it('leaves out bins with too few forecasts', () => {
    const forecasts: Triple[] = [...Array.from({ length: 30 }, (): Triple => [0.5, 0.3, 0.2]), [0.05, 0.05, 0.9]];
    const results: Outcome[] = [...Array.from({ length: 15 }, (): Outcome => 'H'), ...Array.from({ length: 9 }, (): Outcome => 'D'), ...Array.from({ length: 6 }, (): Outcome => 'A'), 'H'];
    // The lone 0.05 that won and the 0.9 that lost sit in bins of 2 and 1 forecasts.
    expect(rmsCalibrationError(forecasts, results, 10, 20)).toBeCloseTo(0, 12);
  });

  it('refuses no forecasts and a table with no well-filled bin', () => {
    expect(() => rmsCalibrationError([], [])).toThrow('cannot measure the calibration of no forecasts');
    expect(() => rmsCalibrationError([[0.5, 0.3, 0.2]], ['H'])).toThrow('no reliability bin holds 20 or more forecasts');
  });
});

describe('calibration bins as totals', () => {
  const forecasts: Triple[] = [
    [0.62, 0.25, 0.13],
    [0.35, 0.3, 0.35],
    [0.1, 0.2, 0.7],
    [1, 0, 0],
  ];
  const results: Outcome[] = ['H', 'A', 'D', 'H'];

  it('sums each bin by hand, the last bin holding 1', () => {
    const bins = calibrationBinTotals(forecasts, results);
    expect(bins).toHaveLength(10);
    // 0.62 (hit) in bin 6; 0.25, 0.2 (hit) in bin 2; 0.13, 0.1 in bin 1; 0.3, 0.35, 0.35 (hit) in bin 3; 0.7 in bin 7; 1 (hit) in bin 9; 0, 0 in bin 0.
    expect(bins[6]).toEqual({ count: 1, forecastSum: 0.62, hits: 1 });
    expect(bins[2]).toMatchObject({ count: 2, hits: 1 });
    expect(bins[2]!.forecastSum).toBeCloseTo(0.45, 12);
    expect(bins[3]).toMatchObject({ count: 3, hits: 1 });
    expect(bins[9]).toEqual({ count: 1, forecastSum: 1, hits: 1 });
    expect(bins[0]).toEqual({ count: 2, forecastSum: 0, hits: 0 });
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(12);
  });

  it('gives the same error added in parts as measured at once', () => {
    const many: Triple[] = Array.from({ length: 90 }, (_, i) => [0.2 + (i % 5) * 0.1, 0.25, 0.55 - (i % 5) * 0.1] as Triple);
    const outcomes: Outcome[] = many.map((_, i) => (['H', 'D', 'A'] as const)[(i * 7) % 3]!);
    const parts = addCalibrationBins(calibrationBinTotals(many.slice(0, 40), outcomes.slice(0, 40)), calibrationBinTotals(many.slice(40), outcomes.slice(40)));
    expect(rmsCalibrationErrorOfBins(parts)).toBeCloseTo(rmsCalibrationError(many, outcomes), 14);
  });

  it('refuses tables of other shapes and bad forecasts', () => {
    expect(() => addCalibrationBins(calibrationBinTotals(forecasts, results, 10), calibrationBinTotals(forecasts, results, 5))).toThrow('cannot add calibration tables of 10 and 5 bins');
    expect(() => calibrationBinTotals(forecasts, ['H'])).toThrow('forecasts and results differ in length: 4 and 1');
    expect(() => calibrationBinTotals([[0.5, 1.2, -0.7]], ['H'])).toThrow('forecast 0 has probability 1.2 at position 2');
  });
});
