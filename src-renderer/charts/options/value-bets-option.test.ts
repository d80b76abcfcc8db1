import { describe, expect, it } from 'vitest';
import { valueBetsOption } from './value-bets-option';
import { weekRow } from './test-factories';

describe('valueBetsOption', () => {
  it('puts found and placed counts side by side per week', () => {
    const option = valueBetsOption([weekRow({ week: 1, valueBetsFound: 5, betsPlaced: 3 }), weekRow({ week: 2, valueBetsFound: 2, betsPlaced: 2 })]);
    expect((option.series as { name: string; data: number[] }[]).map((s) => [s.name, s.data])).toEqual([
      ['Found', [5, 2]],
      ['Placed', [3, 2]],
    ]);
  });
});
