import { describe, expect, it } from 'vitest';
import { brierOption } from './brier-option';
import { weekRow } from './test-factories';

describe('brierOption', () => {
  it('draws weekly and cumulative lines for model and market, leaving gaps where the market has no price', () => {
    const option = brierOption([
      weekRow({ week: 1, modelBrier: 0.62, marketBrier: 0.6, cumulativeModelBrier: 0.62, cumulativeMarketBrier: 0.6 }),
      weekRow({ week: 2, modelBrier: 0.5, marketBrier: null, cumulativeModelBrier: 0.56, cumulativeMarketBrier: null }),
    ]);
    const byName = Object.fromEntries((option.series as { name: string; data: unknown[] }[]).map((s) => [s.name, s.data]));
    expect(byName).toEqual({
      'Model (week)': [0.62, 0.5],
      'Market (week)': [0.6, null],
      'Model (cumulative)': [0.62, 0.56],
      'Market (cumulative)': [0.6, null],
    });
  });
});
