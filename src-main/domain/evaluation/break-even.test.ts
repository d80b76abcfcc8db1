import { describe, expect, it } from 'vitest';
import { breakEvenWinRate } from './break-even';

describe('breakEvenWinRate', () => {
  it('is 1 / odds for one bet: a draw at 8.00 needs to win 12.5% of the time', () => {
    expect(breakEvenWinRate([8])).toBe(0.125);
  });

  it('averages 1 / odds over the bets, not 1 / average odds', () => {
    // 1/2 and 1/4 average to 37.5%; 1 / 3.00 (the average odds) would say 33.3%.
    expect(breakEvenWinRate([2, 4])).toBeCloseTo(0.375, 15);
  });

  it('is the win rate at which level stakes return exactly the stakes', () => {
    // Four bets at 4.00 and 2.00: 1.5 expected wins break even, as 4 x 37.5% says.
    const odds = [4, 4, 2, 2];
    const rate = breakEvenWinRate(odds)!;
    const expectedReturn = odds.reduce((sum, o) => sum + o * (1 / o), 0);
    expect(expectedReturn).toBe(odds.length);
    expect(rate * odds.length).toBe(1.5);
  });

  it('is null without bets', () => {
    expect(breakEvenWinRate([])).toBeNull();
  });
});
