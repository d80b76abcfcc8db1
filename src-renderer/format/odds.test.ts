import { describe, expect, it } from 'vitest';
import { formatOdds, formatScore } from './odds';

describe('formatOdds and formatScore', () => {
  it('prints decimal odds with two decimals and scores with four', () => {
    expect(formatOdds(2.1)).toBe('2.10');
    expect(formatOdds(null)).toBe('\u2014');
    expect(formatScore(0.18391)).toBe('0.1839');
    expect(formatScore(null)).toBe('\u2014');
  });
});
