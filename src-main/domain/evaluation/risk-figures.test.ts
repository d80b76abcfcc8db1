import { describe, expect, it } from 'vitest';
import { maxDrawdown } from './performance-metrics';
import { betByBetMaxDrawdown, betsToConfirmEdge, deflatedSignificance, inKickoffOrder, longestLosingRun, weekBlockBootstrapRoi, weeklySharpeRatios, type TimedBet } from './risk-figures';

const bet = (week: number, date: string, kickoff: string | null, matchId: string, stakeCents: number, profitCents: number): TimedBet => ({ week, date, kickoff, matchId, stakeCents, profitCents, won: profitCents > 0 });

describe('weeklySharpeRatios', () => {
  it('uses log returns, worked by hand, and shows the arithmetic one beside it', () => {
    // 1000 -> 1100 -> 990: returns +10%, -10%; logs ln 1.1 = 0.0953102, ln 0.9 = -0.1053605.
    const history = [
      { week: 1, bankrollCents: 1100 },
      { week: 2, bankrollCents: 990 },
    ];
    const logs = [Math.log(1.1), Math.log(0.9)];
    const mean = (logs[0]! + logs[1]!) / 2;
    const sd = Math.sqrt(((logs[0]! - mean) ** 2 + (logs[1]! - mean) ** 2) / 1);
    const r = weeklySharpeRatios(1000, history, 38);
    expect(r.logReturn).toBeCloseTo((mean / sd) * Math.sqrt(38), 12);
    // Arithmetic mean is exactly 0 (+10%, -10%) while the bankroll lost 1%: the log version says so.
    expect(r.arithmetic).toBeCloseTo(0, 12);
    expect(r.logReturn!).toBeLessThan(0);
  });

  it('has no log Sharpe after a bust', () => {
    expect(weeklySharpeRatios(1000, [{ week: 1, bankrollCents: 500 }, { week: 2, bankrollCents: 0 }], 38).logReturn).toBeNull();
  });
});

describe('bet-by-bet drawdown and losing run', () => {
  // One weekend: two early losses, then a big late win; the week closes level.
  const weekend = [bet(1, '2023-08-12', '15:00', 'b', 100, -100), bet(1, '2023-08-13', '16:30', 'c', 100, 200), bet(1, '2023-08-12', '12:30', 'a', 100, -100)];

  it('sees the trough inside a week that the weekly close hides', () => {
    // Kick-off order a, b, c: 1000 -> 900 -> 800 -> 1000: a 20% fall, 200 cents.
    expect(betByBetMaxDrawdown(1000, weekend)).toEqual({ fraction: 0.2, cents: 200 });
    expect(maxDrawdown(1000, [{ week: 1, bankrollCents: 1000 }])).toEqual({ fraction: 0, cents: 0 });
  });

  it('orders by date, then kick-off (unknown last), then match id', () => {
    const bets = [bet(1, '2012-08-18', null, 'z', 1, 1), bet(1, '2012-08-18', null, 'y', 1, 1), bet(1, '2012-08-18', '12:45', 'x', 1, 1), bet(1, '2012-08-17', null, 'w', 1, 1)];
    expect(inKickoffOrder(bets).map((b) => b.matchId)).toEqual(['w', 'x', 'y', 'z']);
  });

  it('counts the longest run of losses in kick-off order, not input order', () => {
    // Input order b, c, a puts the win between the losses (longest run 1); kick-off order a, b, c has two.
    expect(longestLosingRun(weekend)).toBe(2);
    expect(longestLosingRun([])).toBe(0);
  });
});

describe('weekBlockBootstrapRoi', () => {
  it('keeps each week\'s bets together, so one-week seasons have no spread', () => {
    const r = weekBlockBootstrapRoi([bet(1, '2023-08-12', null, 'a', 100, 50), bet(1, '2023-08-12', null, 'b', 100, -100)], { resamples: 1000, seed: 1, level: 0.95 })!;
    expect(r).toEqual({ roi: -0.25, lower: -0.25, upper: -0.25, weeks: 1 });
  });

  it('is wider than the bet bootstrap when bets of a week move together', () => {
    // 20 weeks, each all won or all lost (10 bets of 100 at evens); ROI 0.
    const bets = Array.from({ length: 20 }, (_, w) => Array.from({ length: 10 }, (_, i) => bet(w + 1, '2023-08-12', null, `m${w}-${i}`, 100, w % 2 === 0 ? 100 : -100))).flat();
    const block = weekBlockBootstrapRoi(bets, { resamples: 10_000, seed: 3, level: 0.95 })!;
    expect(block.roi).toBe(0);
    // Weeks are ±1 each: sd of the mean of 20 weeks is 1/sqrt(20) = 0.2236; 95% ≈ ±0.44.
    expect(block.upper).toBeGreaterThan(0.35);
    expect(block.lower).toBeLessThan(-0.35);
  });

  it('is null without a staked bet and rejects bad options', () => {
    expect(weekBlockBootstrapRoi([], { resamples: 10, seed: 1, level: 0.95 })).toBeNull();
    expect(() => weekBlockBootstrapRoi([], { resamples: 0, seed: 1, level: 0.95 })).toThrow('resamples must be a positive integer, got 0');
  });
});

describe('betsToConfirmEdge', () => {
  it('gives the bets a one-sided 95% test needs at the observed ROI and spread, worked by hand', () => {
    // 100 level bets at evens, 55 won: ROI 0.1; returns +1/-1, sd about the mean sqrt(1 - 0.01) = 0.994987
    // se = 0.994987 * sqrt(100/99) / 10 = 0.100000; z = 1.0000; needed 100 * (1.644854 / 1)^2 = 270.6 -> 271
    const bets = Array.from({ length: 100 }, (_, i) => ({ stakeCents: 100, profitCents: i < 55 ? 100 : -100 }));
    const r = betsToConfirmEdge(bets)!;
    expect(r.roi).toBeCloseTo(0.1, 12);
    expect(r.standardError).toBeCloseTo(Math.sqrt(0.99 * (100 / 99)) / 10, 12);
    expect(r.betsNeeded).toBe(Math.ceil(100 * (1.6448536 / r.zScore) ** 2));
    expect(r.betsNeeded).toBe(271);
    expect(r.pValue).toBeCloseTo(1 - 0.841345, 5);
  });

  it('has no number of bets that confirms a losing edge, and needs two bets with a spread', () => {
    expect(betsToConfirmEdge([{ stakeCents: 100, profitCents: -100 }, { stakeCents: 100, profitCents: 50 }])!.betsNeeded).toBeNull();
    expect(betsToConfirmEdge([{ stakeCents: 100, profitCents: 100 }])).toBeNull();
    expect(() => betsToConfirmEdge([], 1)).toThrow('level must be strictly between 0 and 1, got 1');
  });
});

describe('deflatedSignificance', () => {
  it('applies Šidák and Bonferroni for n trials, worked by hand', () => {
    // p 0.01 over 10 trials: Šidák 1 - 0.99^10 = 0.0956179; Bonferroni 0.1
    const r = deflatedSignificance(0.01, 10);
    expect(r.sidak).toBeCloseTo(0.0956179, 7);
    expect(r.bonferroni).toBeCloseTo(0.1, 12);
    expect(deflatedSignificance(0.2, 10).bonferroni).toBe(1);
    expect(deflatedSignificance(0.03, 1).sidak).toBeCloseTo(0.03, 12);
  });

  it('rejects a p-value outside [0, 1] and a non-integer trial count', () => {
    expect(() => deflatedSignificance(1.2, 3)).toThrow('pValue must be in [0, 1], got 1.2');
    expect(() => deflatedSignificance(0.1, 0)).toThrow('trials must be a positive integer, got 0');
  });
});
