import { describe, expect, it } from 'vitest';
import { calibrationKellyScale } from './calibration-kelly';

describe('calibrationKellyScale', () => {
  it('is e^2 / (e^2 + (o*sd)^2), worked by hand', () => {
    // edge 0.05 at odds 2, sd 0.02: 0.0025 / (0.0025 + 0.0016) = 0.609756
    expect(calibrationKellyScale(0.05, 2, 0.02)).toBeCloseTo(0.0025 / 0.0041, 12);
    // the same edge at odds 5: 0.0025 / (0.0025 + 0.01) = 0.2
    expect(calibrationKellyScale(0.05, 5, 0.02)).toBeCloseTo(0.2, 12);
  });

  it('leaves a perfectly calibrated forecaster at full Kelly and stakes nothing without edge', () => {
    expect(calibrationKellyScale(0.03, 3, 0)).toBe(1);
    expect(calibrationKellyScale(0, 3, 0.02)).toBe(0);
    expect(calibrationKellyScale(-0.1, 3, 0.02)).toBe(0);
  });

  it('shrinks more at longer odds and less for larger edges', () => {
    expect(calibrationKellyScale(0.05, 4, 0.02)).toBeLessThan(calibrationKellyScale(0.05, 2, 0.02));
    expect(calibrationKellyScale(0.1, 2, 0.02)).toBeGreaterThan(calibrationKellyScale(0.05, 2, 0.02));
  });

  it('rejects bad inputs, naming them', () => {
    expect(() => calibrationKellyScale(0.05, 1, 0.02)).toThrow('decimal odds must be a finite number greater than 1, got 1');
    expect(() => calibrationKellyScale(0.05, 2, -0.01)).toThrow('probabilityErrorSd must be a finite number >= 0, got -0.01');
    expect(() => calibrationKellyScale(Number.NaN, 2, 0.01)).toThrow('edge must be a finite number, got NaN');
  });
});
