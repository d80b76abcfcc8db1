import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { settleBet } from './settlement';

describe('settleBet', () => {
  it('pays stake * (odds - 1) on a win and costs the stake on a loss', () => {
    // 10.00 at 2.50 -> 1000 * 1.5 = 1500 cents profit
    expect(settleBet(1000, 2.5, true)).toBe(1500);
    expect(settleBet(1000, 2.5, false)).toBe(-1000);
  });

  it('rounds winnings down to the cent', () => {
    // 33.33 at 1.10 -> 3333 * 0.1 = 333.3 -> 333
    expect(settleBet(3333, 1.1, true)).toBe(333);
    // 1.01 at 2.99 -> 101 * 1.99 = 200.99 -> 200
    expect(settleBet(101, 2.99, true)).toBe(200);
  });

  it('does not lose a cent to floating-point noise in the odds', () => {
    // 2.1 - 1 = 1.1000000000000001 in binary; 10.00 at 2.10 must pay exactly 11.00
    expect(settleBet(1000, 2.1, true)).toBe(1100);
    // 0.3 * 7 style noise: 7.00 at 1.30 -> 700 * 0.3 = 210 (float gives 209.99999999999997)
    expect(settleBet(700, 1.3, true)).toBe(210);
  });

  it('settles a zero stake to zero either way', () => {
    expect(settleBet(0, 3, true)).toBe(0);
    expect(Object.is(settleBet(0, 3, false), 0)).toBe(true);
  });

  it('reconciles exactly: start + sum(P/L) = end in integer cents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 101, max: 5000 }), fc.boolean()), { maxLength: 60 }),
        (startCents, bets) => {
          let bankroll = startCents;
          let profit = 0;
          for (const [stake, oddsHundredths, won] of bets) {
            const pl = settleBet(stake, oddsHundredths / 100, won);
            if (!Number.isInteger(pl)) return false;
            // A win never pays more than the exact product nor less than one cent under it.
            if (won && (pl > (stake * (oddsHundredths - 100)) / 100 + 1e-6 || pl < (stake * (oddsHundredths - 100)) / 100 - 1)) return false;
            bankroll += pl;
            profit += pl;
          }
          return bankroll === startCents + profit;
        },
      ),
    );
  });

  it('pays exactly the integer-arithmetic amount for prices in hundredths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 101, max: 100_000 }), (stake, oddsHundredths) => {
        // floor(stake * (odds*100 - 100) / 100) computed with integers only
        return settleBet(stake, oddsHundredths / 100, true) === Math.floor((stake * (oddsHundredths - 100)) / 100);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects bad input by name', () => {
    expect(() => settleBet(10.5, 2, true)).toThrow('stakeCents must be a non-negative integer, got 10.5');
    expect(() => settleBet(-1, 2, true)).toThrow('stakeCents must be a non-negative integer, got -1');
    expect(() => settleBet(100, 1, true)).toThrow('decimal odds must be a finite number greater than 1, got 1');
    expect(() => settleBet(100, 2, 'yes' as unknown as boolean)).toThrow('won must be true or false, got yes');
  });
});
