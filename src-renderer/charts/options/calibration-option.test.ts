import { describe, expect, it } from 'vitest';
import { calibrationOption } from './calibration-option';

describe('calibrationOption', () => {
  it('plots non-empty bins as [forecast, observed, count] against the diagonal', () => {
    const option = calibrationOption([
      { lower: 0, upper: 0.1, count: 0, meanForecast: 0, observedFrequency: 0 },
      { lower: 0.1, upper: 0.2, count: 40, meanForecast: 0.15, observedFrequency: 0.125 },
      { lower: 0.2, upper: 0.3, count: 10, meanForecast: 0.25, observedFrequency: 0.3 },
    ]);
    const [diagonal, model] = option.series as { data: unknown[]; symbolSize: (v: number[]) => number }[];
    expect(diagonal?.data).toEqual([[0, 0], [1, 1]]);
    expect(model?.data).toEqual([[0.15, 0.125, 40], [0.25, 0.3, 10]]);
    // largest bin 40: 6 + 14 * sqrt(40/40) = 20; bin of 10: 6 + 14 * sqrt(0.25) = 13
    expect(model?.symbolSize([0.15, 0.125, 40])).toBe(20);
    expect(model?.symbolSize([0.25, 0.3, 10])).toBe(13);
  });
});
