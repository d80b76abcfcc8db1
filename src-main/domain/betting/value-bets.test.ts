import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Triple } from '../football/outcome';
import { multiOutcomeKelly } from './kelly';
import { DEFAULT_STAKING, type StakingConfig } from './stake-sizing';
import { decideWeekBets, describeRejection, type BetDecision, type RejectionCode, type WeekMatchInput } from './value-bets';

const staking = (overrides: Partial<StakingConfig> = {}): StakingConfig => ({ ...DEFAULT_STAKING, ...overrides });
const match = (matchId: string, modelProbabilities: Triple, decimalOdds: Triple): WeekMatchInput => ({ matchId, modelProbabilities, decimalOdds, marginMethod: 'basic' });
const find = (decisions: BetDecision[], matchId: string, outcome: string) => decisions.find((d) => d.matchId === matchId && d.outcome === outcome)!;

describe('decideWeekBets', () => {
  it('places a quarter-Kelly bet on a clear value outcome, worked by hand', () => {
    // Home: edge 0.55 * 2.10 - 1 = 0.155; full Kelly 0.155 / 1.10 = 0.140909; quarter 0.035227
    // stake 1,000.00 * 0.035227 = 35.227 -> 3522 cents -> 3500 (unit 1.00); under the 5% cap.
    const decisions = decideWeekBets({ bankrollCents: 100_000, matches: [match('m1', [0.55, 0.25, 0.2], [2.1, 3.4, 3.6])], staking: staking() });
    expect(decisions).toHaveLength(3);
    const home = find(decisions, 'm1', 'H');
    expect(home).toMatchObject({ placed: true, stakeCents: 3500, rejection: null, limitedBy: null });
    expect(home.edge).toBeCloseTo(0.155, 12);
    expect(home.fullKelly).toBeCloseTo(0.155 / 1.1, 12);
    expect(home.appliedKelly).toBeCloseTo(0.155 / 1.1 / 4, 12);
    // basic market probability 0.476190 / 1.048086 = 0.454343
    expect(home.marketProbability).toBeCloseTo(0.454343, 6);
    expect(home.robustAcrossMethods).toBe(true);
    // Draw: 0.25 * 3.4 - 1 = -0.15; away: 0.2 * 3.6 - 1 = -0.28
    expect(find(decisions, 'm1', 'D')).toMatchObject({ placed: false, stakeCents: 0, rejection: 'negative-edge' });
    expect(find(decisions, 'm1', 'A')).toMatchObject({ placed: false, rejection: 'negative-edge', appliedKelly: 0 });
  });

  it('applies the filters in order: odds range, edge threshold, one outcome per match', () => {
    const decisions = decideWeekBets({
      bankrollCents: 100_000,
      matches: [
        // away at 12.0 with p 0.1: edge 0.2 but odds above maxOdds 10
        match('long', [0.6, 0.3, 0.1], [1.5, 4.5, 12]),
        // home edge 0.46 * 2.2 - 1 = 0.012 < 5%
        match('thin', [0.46, 0.28, 0.26], [2.2, 3.4, 3.3]),
        // home edge 0.45*2.5-1 = 0.125, draw 0.35*3.2-1 = 0.12: draw loses to home
        match('both', [0.45, 0.35, 0.2], [2.5, 3.2, 4]),
      ],
      staking: staking(),
    });
    expect(find(decisions, 'long', 'A').rejection).toBe('odds-out-of-range');
    expect(find(decisions, 'thin', 'H').rejection).toBe('edge-below-threshold');
    expect(find(decisions, 'both', 'H').placed).toBe(true);
    expect(find(decisions, 'both', 'D').rejection).toBe('one-per-match');
  });

  it('sizes two outcomes of one match together in multi-outcome mode', () => {
    const m = match('both', [0.45, 0.35, 0.2], [2.5, 3.2, 4]);
    const decisions = decideWeekBets({ bankrollCents: 1_000_000, matches: [m], staking: staking({ mode: 'multi-outcome', oneOutcomePerMatch: false, stakeUnitCents: 1 }) });
    // Away has no edge, so H and D are sized together: R = (1 - 0.8) / (1 - 1/2.5 - 1/3.2) = 0.2 / 0.2875 = 0.695652
    // f_H = 0.45 - 0.695652/2.5 = 0.171739; f_D = 0.35 - 0.695652/3.2 = 0.132609; quarter of each.
    const [fh, fd] = multiOutcomeKelly([0.45, 0.35], [2.5, 3.2]);
    expect(fh).toBeCloseTo(0.45 - 0.2 / 0.2875 / 2.5, 12);
    expect(find(decisions, 'both', 'H').appliedKelly).toBeCloseTo(fh! / 4, 12);
    expect(find(decisions, 'both', 'D').appliedKelly).toBeCloseTo(fd! / 4, 12);
    // Backing both covers 80% of outcomes, so each stake is larger than its stand-alone Kelly stake.
    expect(find(decisions, 'both', 'H').appliedKelly).toBeGreaterThan(find(decisions, 'both', 'H').fullKelly / 4);
    expect(find(decisions, 'both', 'H').stakeCents).toBe(Math.floor((1_000_000 * fh!) / 4));
  });

  it('sizes the week jointly in joint-log-growth mode, a little below independent Kelly', () => {
    const matches = [match('a', [0.55, 0.25, 0.2], [2.1, 3.4, 3.6]), match('b', [0.2, 0.25, 0.55], [3.6, 3.4, 2.1])];
    const joint = decideWeekBets({ bankrollCents: 1_000_000, matches, staking: staking({ mode: 'joint-log-growth', stakeUnitCents: 1 }) });
    const independent = decideWeekBets({ bankrollCents: 1_000_000, matches, staking: staking({ stakeUnitCents: 1 }) });
    const a = find(joint, 'a', 'H');
    expect(a.placed).toBe(true);
    expect(a.appliedKelly).toBeLessThan(find(independent, 'a', 'H').appliedKelly);
    expect(a.appliedKelly).toBeGreaterThan(0.9 * find(independent, 'a', 'H').appliedKelly);
  });

  it('orders decisions by edge, then match id, then H, D, A', () => {
    const decisions = decideWeekBets({
      bankrollCents: 100_000,
      matches: [match('b', [0.4, 0.3, 0.3], [2.5, 3.5, 3.5]), match('a', [0.4, 0.3, 0.3], [2.5, 3.5, 3.5])],
      staking: staking(),
    });
    // edges: H 0.0, D 0.05, A 0.05 for both matches
    expect(decisions.map((d) => `${d.matchId}${d.outcome}`)).toEqual(['aD', 'aA', 'bD', 'bA', 'aH', 'bH']);
  });

  it('stakes nothing without a positive edge and never breaks a cap (property)', () => {
    const triple = fc
      .tuple(fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }))
      .map(([a, b, c]): Triple => [a / (a + b + c), b / (a + b + c), c / (a + b + c)]);
    const odds = fc.tuple(fc.double({ min: 1.05, max: 15, noNaN: true }), fc.double({ min: 1.05, max: 15, noNaN: true }), fc.double({ min: 1.05, max: 15, noNaN: true }));
    const config = fc.record({
      mode: fc.constantFrom<StakingConfig['mode']>('independent', 'multi-outcome', 'joint-log-growth'),
      oneOutcomePerMatch: fc.boolean(),
      kellyMultiplier: fc.double({ min: 0.05, max: 1, noNaN: true }),
      maxStakeFraction: fc.double({ min: 0.005, max: 0.5, noNaN: true }),
      maxWeeklyExposureFraction: fc.double({ min: 0.005, max: 1, noNaN: true }),
      minEdge: fc.double({ min: 0, max: 0.1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.tuple(triple, odds), { maxLength: 6 }), config, (bankroll, rows, overrides) => {
        const s = staking({ ...overrides, minOdds: 1.01, maxOdds: 20 });
        const decisions = decideWeekBets({ bankrollCents: bankroll, matches: rows.map(([p, o], i) => match(`m${i}`, p, o)), staking: s });
        const total = decisions.reduce((sum, d) => sum + d.stakeCents, 0);
        return (
          decisions.length === 3 * rows.length &&
          decisions.every((d) => (d.edge <= 0 ? d.stakeCents === 0 && !d.placed : true)) &&
          decisions.every((d) => (d.placed ? d.stakeCents > 0 && d.edge >= s.minEdge : d.stakeCents === 0)) &&
          decisions.every((d) => d.stakeCents <= bankroll * s.maxStakeFraction + 1e-6 && d.stakeCents % s.stakeUnitCents === 0) &&
          total <= bankroll * s.maxWeeklyExposureFraction + 1e-6 &&
          (!s.oneOutcomePerMatch || rows.every((_, i) => decisions.filter((d) => d.matchId === `m${i}` && d.placed).length <= 1))
        );
      }),
      { numRuns: 150 },
    );
  });

  it('reports a bet that disagrees with the market only under some margin methods as not robust', () => {
    // Best prices across books can sum below 1 (negative margin): 1/2.2 + 1/3.9 + 1/4.4 = 0.9370.
    // The model's draw 0.27 is above 1/3.9 = 0.2564 (edge 0.053) but the methods spread the
    // missing 6.3% differently, and some lift the draw's fair probability above 0.27.
    const decisions = decideWeekBets({ bankrollCents: 100_000, matches: [match('arb', [0.46, 0.27, 0.27], [2.2, 3.9, 4.4])], staking: staking() });
    const draw = find(decisions, 'arb', 'D');
    expect(draw.edge).toBeCloseTo(0.053, 12);
    expect(draw.minFairEdge).toBeLessThan(0);
    expect(draw.robustAcrossMethods).toBe(false);
  });

  it('rejects bad input by name', () => {
    const ok = match('m1', [0.5, 0.3, 0.2], [2, 3.5, 4]);
    expect(() => decideWeekBets({ bankrollCents: 1.5, matches: [ok], staking: staking() })).toThrow('bankrollCents must be a non-negative integer, got 1.5');
    expect(() => decideWeekBets({ bankrollCents: 100, matches: [ok, ok], staking: staking() })).toThrow('match m1 appears twice in the week');
    expect(() => decideWeekBets({ bankrollCents: 100, matches: [match('m2', [0.5, 0.5, 0.5], [2, 3, 4])], staking: staking() })).toThrow('model probabilities for match m2 must sum to 1, got 1.5');
    expect(() => decideWeekBets({ bankrollCents: 100, matches: [match('m3', [0.5, 0.3, 0.2], [2, 1, 4])], staking: staking() })).toThrow('match m3: odds must be greater than 1, got 1 at position 2');
    expect(() => decideWeekBets({ bankrollCents: 100, matches: [ok], staking: staking({ kellyMultiplier: 2 }) })).toThrow('staking.kellyMultiplier must be in (0, 1], got 2');
  });
});

describe('decideWeekBets with edge sanity', () => {
  // Home edge 0.6 * 2.1 - 1 = 0.26; draw edge 0.3 * 3.6 - 1 = 0.08; away 0.1 * 6 - 1 = -0.4.
  const wild = match('wild', [0.6, 0.3, 0.1], [2.1, 3.6, 6]);

  it('rejects an edge above the credible maximum and lets a credible outcome of the same match through', () => {
    const decisions = decideWeekBets({ bankrollCents: 100_000, matches: [wild], staking: staking(), sanity: { maxCredibleEdge: 0.15 } });
    expect(find(decisions, 'wild', 'H')).toMatchObject({ placed: false, rejection: 'edge-not-credible' });
    expect(find(decisions, 'wild', 'D').placed).toBe(true);
  });

  it('checks the odds range before credibility and credibility before the minimum edge', () => {
    const decisions = decideWeekBets({
      bankrollCents: 100_000,
      matches: [match('long', [0.2, 0.2, 0.6], [12, 4, 1.2]), wild],
      staking: staking({ minEdge: 0.3 }),
      sanity: { maxCredibleEdge: 0.15 },
    });
    // long H: edge 1.4 but odds 12 > 10; wild H: 0.26 > 0.15; wild D: 0.08 < 0.3.
    expect(find(decisions, 'long', 'H').rejection).toBe('odds-out-of-range');
    expect(find(decisions, 'wild', 'H').rejection).toBe('edge-not-credible');
    expect(find(decisions, 'wild', 'D').rejection).toBe('edge-below-threshold');
  });

  it('shrinks Kelly by the calibration error, worked by hand', () => {
    // Draw: edge 0.08 at 3.6, sd 0.02: scale 0.0064 / (0.0064 + 0.072^2) = 0.0064 / 0.011584 = 0.552486
    // full Kelly 0.08 / 2.6 = 0.030769; quarter and scaled 0.00424990 -> 42,499 cents -> 42,400 (whole units)
    const decisions = decideWeekBets({ bankrollCents: 10_000_000, matches: [wild], staking: staking(), sanity: { maxCredibleEdge: 0.15, probabilityErrorSd: 0.02 } });
    const draw = find(decisions, 'wild', 'D');
    expect(draw.appliedKelly).toBeCloseTo((0.08 / 2.6 / 4) * (0.0064 / 0.011584), 12);
    expect(draw.stakeCents).toBe(42_400);
  });

  it('leaves every decision unchanged with an empty sanity or none at all', () => {
    const matches = [wild, match('m1', [0.55, 0.25, 0.2], [2.1, 3.4, 3.6])];
    expect(decideWeekBets({ bankrollCents: 100_000, matches, staking: staking(), sanity: {} })).toEqual(decideWeekBets({ bankrollCents: 100_000, matches, staking: staking() }));
    expect(decideWeekBets({ bankrollCents: 100_000, matches, staking: staking(), sanity: { probabilityErrorSd: 0 } })).toEqual(decideWeekBets({ bankrollCents: 100_000, matches, staking: staking() }));
  });

  it('stakes a flat fraction on every bet that passes the filters, still under the caps', () => {
    // 2% of 100,000.00 = 2,000.00 on both credible value outcomes; the weekly cap (25%) does not bind.
    const other = match('m1', [0.55, 0.25, 0.2], [2.1, 3.4, 3.6]);
    const decisions = decideWeekBets({ bankrollCents: 10_000_000, matches: [wild, other], staking: staking(), sanity: { maxCredibleEdge: 0.2 }, flatStakeFraction: 0.02 });
    expect(find(decisions, 'wild', 'D')).toMatchObject({ placed: true, stakeCents: 200_000, appliedKelly: 0.02 });
    expect(find(decisions, 'm1', 'H')).toMatchObject({ placed: true, stakeCents: 200_000 });
    expect(find(decisions, 'wild', 'H').rejection).toBe('edge-not-credible');
    // 10% flat is capped at 5% of the bankroll per bet.
    const capped = decideWeekBets({ bankrollCents: 10_000_000, matches: [other], staking: staking(), flatStakeFraction: 0.1 });
    expect(find(capped, 'm1', 'H')).toMatchObject({ placed: true, stakeCents: 500_000, limitedBy: 'bet-cap' });
    expect(() => decideWeekBets({ bankrollCents: 100, matches: [other], staking: staking(), flatStakeFraction: 0 })).toThrow('flatStakeFraction must be in (0, 1], got 0');
  });

  it('rejects bad sanity settings by name', () => {
    expect(() => decideWeekBets({ bankrollCents: 100, matches: [wild], staking: staking(), sanity: { maxCredibleEdge: 0 } })).toThrow('sanity.maxCredibleEdge must be a number > 0, got 0');
    expect(() => decideWeekBets({ bankrollCents: 100, matches: [wild], staking: staking(), sanity: { probabilityErrorSd: -1 } })).toThrow('sanity.probabilityErrorSd must be a finite number >= 0, got -1');
  });
});

describe('describeRejection', () => {
  it('gives every code its own sentence', () => {
    const codes: RejectionCode[] = ['negative-edge', 'odds-out-of-range', 'edge-not-credible', 'edge-below-threshold', 'one-per-match', 'kelly-zero', 'stake-below-unit', 'bet-cap', 'weekly-cap'];
    const sentences = codes.map((code) => describeRejection(code));
    expect(new Set(sentences).size).toBe(codes.length);
    expect(describeRejection('one-per-match')).toBe('Another outcome of the same match has a larger edge, and only one outcome per match is bet.');
  });

  it('names the numbers when given the decision and the staking settings', () => {
    const settings = staking();
    expect(describeRejection('edge-below-threshold', { edge: 0.012, staking: settings })).toBe('Edge 1.2% is below the 5.0% threshold.');
    expect(describeRejection('odds-out-of-range', { decimalOdds: 12, staking: settings })).toBe('Odds 12.00 are outside the allowed range 1.25 to 10.00.');
    expect(describeRejection('negative-edge', { edge: -0.034 })).toBe('No value: edge -3.4%, so at this price the model expects to lose money.');
    expect(describeRejection('edge-not-credible', { edge: 0.234, maxCredibleEdge: 0.1 })).toBe('Edge 23.4% is above the 10.0% credible maximum: more likely model error than value.');
  });
});
