import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { settleBet } from '../betting/settlement';
import {
  assertLedgerReconciles,
  bootstrapRoiInterval,
  closingLineValue,
  longestLosingStreak,
  maxDrawdown,
  summarisePerformance,
  weeklySharpe,
  type SettledBet,
} from './performance-metrics';

const bet = (week: number, stakeCents: number, decimalOdds: number, won: boolean, closingFairProbability: number | null = null): SettledBet => ({
  week,
  stakeCents,
  decimalOdds,
  won,
  profitCents: settleBet(stakeCents, decimalOdds, won),
  closingFairProbability,
});

describe('summarisePerformance, worked by hand', () => {
  // Start 1,000.00. Week 1: 50.00 at 2.00 wins (+50.00), 20.00 at 3.00 loses (-20.00) -> 1,030.00
  // Week 2: 40.00 at 2.50 loses (-40.00) -> 990.00.  Week 3: 30.00 at 1.50 loses (-30.00) -> 960.00
  const bets = [bet(1, 5000, 2, true, 0.52), bet(1, 2000, 3, false, 0.3), bet(2, 4000, 2.5, false, null), bet(3, 3000, 1.5, false, 0.7)];
  const history = [
    { week: 1, bankrollCents: 103_000 },
    { week: 2, bankrollCents: 99_000 },
    { week: 3, bankrollCents: 96_000 },
  ];
  const summary = summarisePerformance({ startingBankrollCents: 100_000, bets, bankrollHistory: history, valueBetsFound: 7, weeksInSeason: 38 });

  it('adds up money exactly', () => {
    // profit 5000 - 2000 - 4000 - 3000 = -4000; staked 14000; ROI -4000/14000 = -0.285714
    expect(summary).toMatchObject({ profitCents: -4000, stakedCents: 14_000, endingBankrollCents: 96_000, bets: 4, wins: 1, valueBetsFound: 7, valueBetsPlaced: 4 });
    expect(summary.roi).toBeCloseTo(-4000 / 14_000, 15);
    // growth (96000 - 100000) / 100000 = -0.04
    expect(summary.bankrollGrowth).toBeCloseTo(-0.04, 15);
    expect(summary.winRate).toBe(0.25);
    // (2 + 3 + 2.5 + 1.5) / 4 = 2.25
    expect(summary.averageOdds).toBe(2.25);
  });

  it('measures drawdown from the running peak and the longest losing run', () => {
    // peak 103000 then 96000: 7000 cents, 7000/103000 = 0.067961
    expect(summary.maxDrawdownCents).toBe(7000);
    expect(summary.maxDrawdown).toBeCloseTo(7000 / 103_000, 15);
    // lost, lost, lost after the week-1 win
    expect(summary.longestLosingStreak).toBe(3);
  });

  it('annualises the weekly Sharpe ratio', () => {
    // returns: 0.03, 99000/103000 - 1 = -0.038835, 96000/99000 - 1 = -0.030303
    const r = [103_000 / 100_000 - 1, 99_000 / 103_000 - 1, 96_000 / 99_000 - 1];
    expect(summary.weeklyReturns.map((w) => w.return)).toEqual(r);
    const mean = (r[0]! + r[1]! + r[2]!) / 3;
    const sd = Math.sqrt(r.reduce((s, x) => s + (x - mean) ** 2, 0) / 2);
    expect(summary.sharpe).toBeCloseTo((mean / sd) * Math.sqrt(38), 12);
  });

  it('computes closing-line value only over bets that have closing odds', () => {
    // 2.00 * 0.52 - 1 = 0.04; 3.00 * 0.30 - 1 = -0.10; 1.50 * 0.70 - 1 = 0.05 -> mean -0.003333, 2 of 3 beat the close
    expect(summary.clv!.bets).toBe(3);
    expect(summary.clv!.mean).toBeCloseTo((0.04 - 0.1 + 0.05) / 3, 15);
    expect(summary.clv!.beatCloseShare).toBeCloseTo(2 / 3, 15);
  });

  it('leaves the ROI interval out unless bootstrap settings are given', () => {
    expect(summary.roiInterval).toBeNull();
  });
});

describe('metrics with nothing to measure', () => {
  it('say unavailable rather than zero', () => {
    const summary = summarisePerformance({ startingBankrollCents: 100_000, bets: [], bankrollHistory: [{ week: 1, bankrollCents: 100_000 }], bootstrap: { resamples: 100, seed: 1, level: 0.9 } });
    expect(summary).toMatchObject({ roi: null, roiInterval: null, winRate: null, averageOdds: null, sharpe: null, clv: null, bankrollGrowth: 0, maxDrawdown: 0 });
    expect(closingLineValue([bet(1, 100, 2, true)])).toBeNull();
    // A negative fair closing probability (additive on a long shot) is no price to compare with.
    expect(closingLineValue([bet(1, 100, 90, false, -0.003)])).toBeNull();
  });
});

describe('bootstrapRoiInterval', () => {
  it('brackets the observed ROI and repeats for the same seed', () => {
    const bets = Array.from({ length: 120 }, (_, i) => bet(1 + Math.floor(i / 4), 1000 + 100 * (i % 5), 2 + (i % 3) * 0.5, i % 3 === 0));
    const options = { resamples: 1000, seed: 9, level: 0.9 };
    const interval = bootstrapRoiInterval(bets, options)!;
    expect(interval.lower).toBeLessThan(interval.roi);
    expect(interval.upper).toBeGreaterThan(interval.roi);
    expect(bootstrapRoiInterval(bets, options)).toEqual(interval);
  });

  it('collapses to the ROI when every bet is the same', () => {
    // Ten identical 10.00 losses: every resample has ROI -1.
    const losers = Array.from({ length: 10 }, () => bet(1, 1000, 2, false));
    expect(bootstrapRoiInterval(losers, { resamples: 50, seed: 1, level: 0.95 })).toEqual({ roi: -1, lower: -1, upper: -1 });
  });
});

describe('building blocks', () => {
  it('maxDrawdown counts the start as the first peak', () => {
    // 1000 -> 800: 20% down, 200 cents
    expect(maxDrawdown(1000, [{ week: 1, bankrollCents: 800 }, { week: 2, bankrollCents: 1200 }])).toEqual({ fraction: 0.2, cents: 200 });
  });

  it('longestLosingStreak follows week order, not input order', () => {
    expect(longestLosingStreak([bet(2, 100, 2, false), bet(1, 100, 2, false), bet(1, 100, 2, true), bet(3, 100, 2, false)])).toBe(2);
  });

  it('weeklySharpe is null without variation', () => {
    expect(weeklySharpe([0.01, 0.01, 0.01], 38)).toBeNull();
    expect(weeklySharpe([0.01], 38)).toBeNull();
  });
});

describe('ledger reconciliation', () => {
  it('holds for any sequence of settled bets: start + sum(P/L) = end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 0.05, noNaN: true }), fc.integer({ min: 101, max: 2000 }), fc.boolean()), { maxLength: 80 }),
        (start, plan) => {
          let bankroll = start;
          const profits: number[] = [];
          for (const [fraction, oddsHundredths, won] of plan) {
            const stake = Math.floor(bankroll * fraction);
            const profit = settleBet(stake, oddsHundredths / 100, won);
            profits.push(profit);
            bankroll += profit;
          }
          assertLedgerReconciles(start, profits, bankroll);
          return bankroll >= 0;
        },
      ),
    );
  });

  it('names the gap when it does not', () => {
    expect(() => assertLedgerReconciles(1000, [50, -20], 1031)).toThrow('ledger does not reconcile: start 1000 + P/L 30 = 1030 cents, but the bankroll is 1031');
  });
});

describe('performance metrics reject bad input', () => {
  it('names the field and bet at fault', () => {
    const history = [{ week: 1, bankrollCents: 100 }];
    expect(() => summarisePerformance({ startingBankrollCents: 0, bets: [], bankrollHistory: history })).toThrow('startingBankrollCents must be positive to measure growth, got 0');
    expect(() => summarisePerformance({ startingBankrollCents: 10.5, bets: [], bankrollHistory: history })).toThrow('startingBankrollCents must be a non-negative integer number of cents, got 10.5');
    expect(() => summarisePerformance({ startingBankrollCents: 100, bets: [{ ...bet(1, 10, 2, true), profitCents: 0.5 }], bankrollHistory: history })).toThrow('profitCents must be an integer, got 0.5 at bet 0');
    expect(() => summarisePerformance({ startingBankrollCents: 100, bets: [], bankrollHistory: [{ week: 1, bankrollCents: -1 }] })).toThrow('bankrollHistory[0].bankrollCents must be a non-negative integer number of cents, got -1');
    expect(() => closingLineValue([bet(4, 100, 2, true, 1.2)])).toThrow('closingFairProbability must be a number <= 1, got 1.2 for a bet in week 4');
    expect(() => closingLineValue([bet(5, 100, 2, true, Number.NaN)])).toThrow('closingFairProbability must be a number <= 1, got NaN for a bet in week 5');
    expect(() => weeklySharpe([0.1, 0.2], 0)).toThrow('weeksInSeason must be a positive number, got 0');
  });
});
