import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fullKellyFraction, jointLogGrowthKelly, multiOutcomeKelly, type KellyBet } from './kelly';

describe('fullKellyFraction', () => {
  it('stakes (p*o - 1)/(o - 1): p 0.5 at 2.20', () => {
    // (0.5*2.2 - 1) / 1.2 = 0.1 / 1.2 = 0.083333
    expect(fullKellyFraction(0.5, 2.2)).toBeCloseTo(0.1 / 1.2, 15);
  });

  it('stakes nothing when the edge is zero or negative', () => {
    expect(fullKellyFraction(0.5, 2)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1.01, max: 50, noNaN: true }), (p, o) => {
        const f = fullKellyFraction(p, o);
        // f <= p mathematically; allow one rounding step near p = 1.
        return p * o - 1 <= 0 ? f === 0 : f > 0 && f <= p + 1e-15;
      }),
    );
  });

  it('names the bad value', () => {
    expect(() => fullKellyFraction(1.2, 2)).toThrow('probability must be a number in [0, 1], got 1.2');
    expect(() => fullKellyFraction(0.5, 1)).toThrow('decimal odds must be a finite number greater than 1, got 1');
    expect(() => fullKellyFraction(0.5, Number.NaN)).toThrow('decimal odds must be a finite number greater than 1, got NaN');
  });
});

describe('multiOutcomeKelly (Smoczynski-Tomkins)', () => {
  it('reduces to single Kelly when one outcome has value', () => {
    // p*o: 0.5*2.2 = 1.10 (taken); then R = (1 - 0.5)/(1 - 1/2.2) = 0.5/0.545455 = 0.916667;
    // D: 0.3*3.0 = 0.90 < R -> stop.
    const f = multiOutcomeKelly([0.5, 0.3, 0.2], [2.2, 3.0, 4.0]);
    expect(f[0]).toBeCloseTo(fullKellyFraction(0.5, 2.2), 15);
    expect(f.slice(1)).toEqual([0, 0]);
  });

  it('backs two outcomes when the second beats the reserve rate (0.5/0.3/0.2 at 2.10/3.60/3.80)', () => {
    // Order by p*o: H 1.05, D 1.08, A 0.76 -> D first.
    // After D: R = (1 - 0.3) / (1 - 1/3.6) = 0.7 / 0.722222 = 0.969231; H has 1.05 > R -> take.
    // After D,H: R = (1 - 0.8) / (1 - 0.277778 - 0.476190) = 0.2 / 0.246032 = 0.812903; A 0.76 < R -> stop.
    // f_H = 0.5 - 0.812903/2.1 = 0.112903; f_D = 0.3 - 0.812903/3.6 = 0.074194
    const f = multiOutcomeKelly([0.5, 0.3, 0.2], [2.1, 3.6, 3.8]);
    expect(f[0]).toBeCloseTo(0.5 - 0.2 / (1 - 1 / 3.6 - 1 / 2.1) / 2.1, 14);
    expect(f[1]).toBeCloseTo(0.3 - 0.2 / (1 - 1 / 3.6 - 1 / 2.1) / 3.6, 14);
    expect(f[2]).toBe(0);
  });

  it('stakes nothing on a book with no value', () => {
    expect(multiOutcomeKelly([0.45, 0.28, 0.27], [2.1, 3.4, 3.6])).toEqual([0, 0, 0]);
  });

  it('matches the numerical log-growth optimum for one match', () => {
    const probabilities = fc
      .tuple(fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }))
      .map(([a, b, c]) => [a / (a + b + c), b / (a + b + c), c / (a + b + c)]);
    const markup = fc.tuple(fc.double({ min: 0.85, max: 1.15, noNaN: true }), fc.double({ min: 0.85, max: 1.15, noNaN: true }), fc.double({ min: 0.85, max: 1.15, noNaN: true }));
    fc.assert(
      fc.property(probabilities, markup, (p, m) => {
        // Odds near fair, each shifted by up to 15%, but with an overall margin (no arbitrage).
        const odds = p.map((pi, i) => Math.max(1.01, m[i]! / pi));
        if (odds.reduce((s, o) => s + 1 / o, 0) <= 1.0) return true;
        const exact = multiOutcomeKelly(p, odds);
        const numeric = jointLogGrowthKelly(p.map((pi, i) => ({ matchId: 'm', probability: pi, decimalOdds: odds[i]! })));
        return exact.every((f, i) => Math.abs(f - numeric.fractions[i]!) < 1e-9);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects mismatched or impossible input', () => {
    expect(() => multiOutcomeKelly([0.5, 0.5], [2])).toThrow('probabilities and odds differ in length: 2 and 1');
    expect(() => multiOutcomeKelly([0.7, 0.5], [2, 2])).toThrow('probabilities of one match must sum to at most 1, got 1.2');
    expect(() => multiOutcomeKelly([0.5, 0.5], [2, 0.9])).toThrow('decimal odds must be a finite number greater than 1, got 0.9 at position 2');
  });
});

describe('jointLogGrowthKelly', () => {
  const bet = (matchId: string, probability: number, decimalOdds: number): KellyBet => ({ matchId, probability, decimalOdds });

  it('gives the single-bet Kelly fraction for one bet', () => {
    const result = jointLogGrowthKelly([bet('a', 0.5, 2.2)]);
    expect(result.fractions[0]).toBeCloseTo(0.1 / 1.2, 12);
    // E ln W = 0.5 ln(1 + 0.083333*1.2) + 0.5 ln(1 - 0.083333) = 0.5*0.095310 + 0.5*(-0.087011) = 0.004149
    expect(result.expectedLogGrowth).toBeCloseTo(0.5 * Math.log(1.1) + 0.5 * Math.log(1 - 0.1 / 1.2), 12);
    expect(result).toMatchObject({ scenarios: 'enumerated', scenarioCount: 2 });
  });

  it('stakes a little less in total than independent Kelly on independent matches, and close to it for small edges', () => {
    // Two even-money coin flips at 2.10 with p = 0.5: independent Kelly 0.05/1.1 = 0.045455 each.
    const independent = 0.05 / 1.1;
    const joint = jointLogGrowthKelly([bet('a', 0.5, 2.1), bet('b', 0.5, 2.1)]).fractions;
    expect(joint[0]).toBeCloseTo(joint[1]!, 12);
    expect(joint[0]).toBeLessThan(independent);
    expect(joint[0]! / independent).toBeGreaterThan(0.99);
  });

  it('never exceeds the sum of independent fractions on realistic weeks', () => {
    const week = fc.array(
      fc.tuple(fc.double({ min: 0.15, max: 0.7, noNaN: true }), fc.double({ min: 0, max: 0.15, noNaN: true })),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(week, (rows) => {
        const bets = rows.map(([p, edge], i) => bet(`m${i}`, p, (1 + edge) / p));
        const joint = jointLogGrowthKelly(bets).fractions.reduce((a, b) => a + b, 0);
        const independent = bets.reduce((sum, b) => sum + (b.probability * b.decimalOdds - 1) / (b.decimalOdds - 1), 0);
        return joint <= independent + 1e-9 && joint >= 0.8 * independent - 1e-9;
      }),
      { numRuns: 60 },
    );
  });

  it('samples a fixed Latin-hypercube set beyond the enumeration limit, within 10% of the exact fractions', () => {
    const bets = Array.from({ length: 10 }, (_, i) => bet(`m${i}`, 0.25 + 0.03 * i, 1.05 / (0.25 + 0.03 * i)));
    const exact = jointLogGrowthKelly(bets);
    const sampled = jointLogGrowthKelly(bets, { maxEnumeratedScenarios: 100, sampledScenarios: 16384, seed: 3 });
    expect(exact.scenarios).toBe('enumerated');
    expect(sampled).toMatchObject({ scenarios: 'sampled', scenarioCount: 16384 });
    sampled.fractions.forEach((f, i) => expect(Math.abs(f / exact.fractions[i]! - 1)).toBeLessThan(0.1));
    expect(jointLogGrowthKelly(bets, { maxEnumeratedScenarios: 100, sampledScenarios: 16384, seed: 3 })).toEqual(sampled);
  });

  it('reaches the optimum: zero slope of E ln W at every staked bet, none upward at an unstaked one', () => {
    // The slope d E ln W / d f_i = sum over results of P * (r_i - 1) / W, enumerated here by hand.
    const week = fc.array(fc.tuple(fc.double({ min: 0.15, max: 0.7, noNaN: true }), fc.double({ min: -0.1, max: 0.25, noNaN: true })), { minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(week, (rows) => {
        const bets = rows.map(([p, edge], i) => bet(`m${i}`, p, Math.max(1.01, (1 + edge) / p)));
        const { fractions } = jointLogGrowthKelly(bets);
        const slope = bets.map(() => 0);
        for (let mask = 0; mask < 1 << bets.length; mask += 1) {
          let probability = 1;
          let wealth = 1;
          bets.forEach((b, i) => {
            const won = (mask >> i) & 1;
            probability *= won ? b.probability : 1 - b.probability;
            wealth += fractions[i]! * (won ? b.decimalOdds - 1 : -1);
          });
          bets.forEach((b, i) => (slope[i]! += (probability * (((mask >> i) & 1) === 1 ? b.decimalOdds - 1 : -1)) / wealth));
        }
        return fractions.every((f, i) => (f > 0 ? Math.abs(slope[i]!) < 1e-9 : slope[i]! < 1e-9));
      }),
      { numRuns: 40 },
    );
  });

  it('sizes two outcomes of one match together and agrees with the closed-form multi-outcome Kelly', () => {
    const p = [0.45, 0.3];
    const odds = [2.4, 3.8];
    const joint = jointLogGrowthKelly(p.map((pi, i) => bet('m', pi, odds[i]!))).fractions;
    multiOutcomeKelly(p, odds).forEach((f, i) => expect(joint[i]).toBeCloseTo(f, 10));
  });

  it('stakes nothing on bets without value and handles an empty week', () => {
    expect(jointLogGrowthKelly([bet('a', 0.4, 2.4), bet('b', 0.5, 1.9)]).fractions).toEqual([0, 0]);
    expect(jointLogGrowthKelly([]).fractions).toEqual([]);
  });

  it('names the bet at fault', () => {
    expect(() => jointLogGrowthKelly([bet('a', 0.5, 2), bet('b', 0.5, 1)])).toThrow('decimal odds must be a finite number greater than 1, got 1 at bet 2 (b)');
    expect(() => jointLogGrowthKelly([bet('a', 0.7, 2), bet('a', 0.5, 3)])).toThrow('probabilities of the bets on match a sum to 1.2, more than 1');
  });
});
