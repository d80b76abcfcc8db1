import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_STAKING, assertStakingConfig, sizeStakes, type StakingConfig } from './stake-sizing';

const config = (overrides: Partial<StakingConfig> = {}): StakingConfig => ({ ...DEFAULT_STAKING, ...overrides });

describe('sizeStakes', () => {
  it('stakes bankroll * fraction rounded down to the unit', () => {
    // 1,000.00 bankroll: 0.0123 -> 1230 cents -> 1200 with a 100-cent unit
    expect(sizeStakes(100_000, [0.0123], config())).toEqual([{ stakeCents: 1200, limitedBy: null, rejection: null }]);
    expect(sizeStakes(100_000, [0.0123], config({ stakeUnitCents: 1 }))).toEqual([{ stakeCents: 1230, limitedBy: null, rejection: null }]);
  });

  it('caps one bet at maxStakeFraction of the bankroll', () => {
    // 0.08 of 1,000.00 = 80.00 > cap 5% = 50.00
    expect(sizeStakes(100_000, [0.08], config())).toEqual([{ stakeCents: 5000, limitedBy: 'bet-cap', rejection: null }]);
  });

  it('scales every stake by the same factor to fit the weekly cap', () => {
    // Six bets wanting 5% each = 30% > 25% cap: each 5000 * 25000 / 30000 = 4166.67 -> 4166 -> 4100
    const stakes = sizeStakes(100_000, [0.05, 0.05, 0.05, 0.05, 0.05, 0.05], config());
    expect(stakes.map((s) => s.stakeCents)).toEqual([4100, 4100, 4100, 4100, 4100, 4100]);
    expect(stakes.every((s) => s.limitedBy === 'weekly-cap')).toBe(true);
  });

  it('names the reason a stake came out at zero', () => {
    // 0.0005 of 1,000.00 = 50 cents < 100-cent unit
    expect(sizeStakes(100_000, [0.0005], config())[0]!.rejection).toBe('stake-below-unit');
    // bankroll 15.00: 5% cap = 75 cents < unit although Kelly wants 3.00
    expect(sizeStakes(1_500, [0.2], config())[0]!.rejection).toBe('bet-cap');
    // weekly cap 1% of 100.00 = 1.00 shared by three bets wanting 1.00 each -> 33 cents each
    expect(sizeStakes(10_000, [0.01, 0.01, 0.01], config({ maxWeeklyExposureFraction: 0.01 })).map((s) => s.rejection)).toEqual(['weekly-cap', 'weekly-cap', 'weekly-cap']);
    expect(sizeStakes(0, [0.1], config())[0]!.rejection).toBe('stake-below-unit');
  });

  it('never breaks a cap, never goes negative and stays on the unit grid', () => {
    const staking = fc.record({
      maxStakeFraction: fc.double({ min: 0.001, max: 1, noNaN: true }),
      maxWeeklyExposureFraction: fc.double({ min: 0.001, max: 1, noNaN: true }),
      stakeUnitCents: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }), staking, (bankroll, fractions, caps) => {
        const stakes = sizeStakes(bankroll, fractions, config(caps)).map((s) => s.stakeCents);
        const total = stakes.reduce((a, b) => a + b, 0);
        return (
          stakes.every((s, i) => Number.isSafeInteger(s) && s >= 0 && s % caps.stakeUnitCents === 0 && s <= bankroll * caps.maxStakeFraction + 1e-6 && s <= bankroll * fractions[i]! + 1e-6) &&
          total <= bankroll * caps.maxWeeklyExposureFraction + 1e-6 &&
          total <= bankroll
        );
      }),
      { numRuns: 300 },
    );
  });

  it('rejects bad input by name', () => {
    expect(() => sizeStakes(-1, [], config())).toThrow('bankrollCents must be a non-negative integer, got -1');
    expect(() => sizeStakes(100, [1.5], config())).toThrow('Kelly fraction must be in [0, 1], got 1.5 at bet 1');
  });
});

describe('assertStakingConfig', () => {
  it('accepts the defaults', () => {
    expect(() => assertStakingConfig(DEFAULT_STAKING)).not.toThrow();
  });

  it('names the setting at fault', () => {
    expect(() => assertStakingConfig(config({ kellyMultiplier: 0 }))).toThrow('staking.kellyMultiplier must be in (0, 1], got 0');
    expect(() => assertStakingConfig(config({ maxStakeFraction: 1.5 }))).toThrow('staking.maxStakeFraction must be in (0, 1], got 1.5');
    expect(() => assertStakingConfig(config({ maxWeeklyExposureFraction: Number.NaN }))).toThrow('staking.maxWeeklyExposureFraction must be in (0, 1], got NaN');
    expect(() => assertStakingConfig(config({ minEdge: -0.01 }))).toThrow('staking.minEdge must be a finite number >= 0, got -0.01');
    expect(() => assertStakingConfig(config({ minOdds: 0.5 }))).toThrow('staking.minOdds must be a finite number >= 1, got 0.5');
    expect(() => assertStakingConfig(config({ minOdds: 3, maxOdds: 2 }))).toThrow('staking.maxOdds must be >= staking.minOdds (3), got 2');
    expect(() => assertStakingConfig(config({ stakeUnitCents: 0.5 }))).toThrow('staking.stakeUnitCents must be a positive integer, got 0.5');
    expect(() => assertStakingConfig(config({ mode: 'martingale' as StakingConfig['mode'] }))).toThrow('staking.mode must be one of independent, multi-outcome, joint-log-growth, got "martingale"');
  });
});
