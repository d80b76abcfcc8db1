import { describe, expect, it } from 'vitest';
import { expectedBankrollBand, type BandWeek } from './expected-bankroll-band';

describe('expectedBankrollBand', () => {
  it('keeps the bankroll flat in a week without bets', () => {
    const weeks: BandWeek[] = [{ week: 1, matches: [{ modelProbabilities: [0.5, 0.3, 0.2], bets: [] }] }];
    expect(expectedBankrollBand(weeks, 100_000, { paths: 50, seed: 1, ruinFraction: 0.5 })).toEqual({
      points: [{ week: 1, p05Cents: 100_000, p50Cents: 100_000, p95Cents: 100_000 }],
      riskOfRuin: 0,
    });
  });

  it('is exact when the model is certain: a sure win at 2.0 staking 10% grows the bankroll by 10%', () => {
    // 100,000 * (1 + 0.10 * (2.0 - 1)) = 110,000 on every path.
    const weeks: BandWeek[] = [{ week: 1, matches: [{ modelProbabilities: [1, 0, 0], bets: [{ outcome: 'H', stakeFraction: 0.1, decimalOdds: 2 }] }] }];
    const band = expectedBankrollBand(weeks, 100_000, { paths: 20, seed: 7, ruinFraction: 0.5 });
    expect(band.points[0]).toEqual({ week: 1, p05Cents: 110_000, p50Cents: 110_000, p95Cents: 110_000 });
  });

  it('settles bets on one match against a single draw, so covering all outcomes has a known result', () => {
    // Stakes 10% on each outcome at 3.0: exactly one wins, growth = 0.1 * 2 - 0.1 - 0.1 = 0 on every path.
    const bets = (['H', 'D', 'A'] as const).map((outcome) => ({ outcome, stakeFraction: 0.1, decimalOdds: 3 }));
    const weeks: BandWeek[] = [{ week: 1, matches: [{ modelProbabilities: [0.4, 0.3, 0.3], bets }] }];
    const band = expectedBankrollBand(weeks, 100_000, { paths: 200, seed: 3, ruinFraction: 0.5 });
    expect(band.points[0]).toEqual({ week: 1, p05Cents: 100_000, p50Cents: 100_000, p95Cents: 100_000 });
  });

  it('spreads out with uncertain bets, is reproducible by seed and counts ruin', () => {
    const weeks: BandWeek[] = Array.from({ length: 10 }, (_, i) => ({
      week: i + 1,
      matches: [{ modelProbabilities: [0.5, 0.25, 0.25] as const, bets: [{ outcome: 'H' as const, stakeFraction: 0.3, decimalOdds: 2 }] }],
    }));
    const a = expectedBankrollBand(weeks, 100_000, { paths: 2_000, seed: 11, ruinFraction: 0.5 });
    const b = expectedBankrollBand(weeks, 100_000, { paths: 2_000, seed: 11, ruinFraction: 0.5 });
    expect(a).toEqual(b);
    const last = a.points.at(-1)!;
    expect(last.p05Cents).toBeLessThan(last.p50Cents);
    expect(last.p50Cents).toBeLessThan(last.p95Cents);
    // Two straight losses at 30% already leave 49% of the start: P >= 0.25, so ruin is common.
    expect(a.riskOfRuin).toBeGreaterThan(0.25);
    expect(a.riskOfRuin).toBeLessThan(1);
  });

  it('refuses a non-positive number of paths', () => {
    expect(() => expectedBankrollBand([], 1, { paths: 0, seed: 1, ruinFraction: 0.5 })).toThrow('paths must be a positive integer, got 0');
  });
});

describe('expectedBankrollBand under the market\'s fair close', () => {
  // One bet of 10% at 2.0 on a home win the model rates 0.9 and the fair close 0.2.
  const weeks: BandWeek[] = [{ week: 1, matches: [{ modelProbabilities: [0.9, 0.05, 0.05], fairClosingProbabilities: [0.2, 0.4, 0.4], bets: [{ outcome: 'H', stakeFraction: 0.1, decimalOdds: 2 }] }] }];

  it('draws results from the probabilities named, so the same bets tell two stories', () => {
    // Model: 90% of paths win (+10%), so the median is 110,000. Close: 80% lose, median 90,000.
    expect(expectedBankrollBand(weeks, 100_000, { paths: 2_000, seed: 5, ruinFraction: 0.5 }).points[0]!.p50Cents).toBe(110_000);
    expect(expectedBankrollBand(weeks, 100_000, { paths: 2_000, seed: 5, ruinFraction: 0.5, truth: 'model' }).points[0]!.p50Cents).toBe(110_000);
    expect(expectedBankrollBand(weeks, 100_000, { paths: 2_000, seed: 5, ruinFraction: 0.5, truth: 'fair-close' }).points[0]!.p50Cents).toBe(90_000);
  });

  it('says which match lacks a close when the market band cannot be drawn', () => {
    const missing: BandWeek[] = [{ week: 4, matches: [weeks[0]!.matches[0]!, { modelProbabilities: [0.5, 0.3, 0.2], fairClosingProbabilities: null, bets: [] }] }];
    expect(() => expectedBankrollBand(missing, 100_000, { paths: 10, seed: 1, ruinFraction: 0.5, truth: 'fair-close' })).toThrow(
      "week 4, match 2: no fair closing probabilities, so the band under the market's close cannot be drawn",
    );
    expect(() => expectedBankrollBand(missing, 100_000, { paths: 10, seed: 1, ruinFraction: 0.5 })).not.toThrow();
  });
});
