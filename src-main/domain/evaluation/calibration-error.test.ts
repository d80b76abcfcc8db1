import { describe, expect, it } from 'vitest';
import type { Outcome, Triple } from '../football/outcome';
import { rmsCalibrationError } from './calibration-error';

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
