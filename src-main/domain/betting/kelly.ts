import { mulberry32 } from '../evaluation/seeded-random';
import { choleskySolve } from '../numeric/cholesky-solve';

function assertProbability(probability: number, where: string): void {
  if (!Number.isFinite(probability) || probability < 0 || probability > 1) {
    throw new Error(`probability must be a number in [0, 1], got ${probability}${where}`);
  }
}

function assertOdds(decimalOdds: number, where: string): void {
  if (!Number.isFinite(decimalOdds) || decimalOdds <= 1) {
    throw new Error(`decimal odds must be a finite number greater than 1, got ${decimalOdds}${where}`);
  }
}

/**
 * Full Kelly fraction of bankroll for one bet: (p*o - 1) / (o - 1), clipped at 0 so a bet
 * without positive expected value is never staked.
 */
export function fullKellyFraction(probability: number, decimalOdds: number): number {
  assertProbability(probability, '');
  assertOdds(decimalOdds, '');
  return Math.max(0, (probability * decimalOdds - 1) / (decimalOdds - 1));
}

/**
 * Optimal simultaneous Kelly fractions over the mutually exclusive outcomes of one match
 * (Smoczynski & Tomkins 2010). Outcomes are taken in order of expected return p*o while that
 * return beats the reserve rate R = (1 - sum p) / (1 - sum 1/o) of the outcomes already taken;
 * each taken outcome then gets f = p - R/o. With a single taken outcome this is the plain
 * Kelly fraction. Pass only the outcomes you may bet on: the others simply stay unbacked.
 * `probabilities` may sum to less than 1 for that reason.
 */
export function multiOutcomeKelly(probabilities: readonly number[], decimalOdds: readonly number[]): number[] {
  if (probabilities.length !== decimalOdds.length) {
    throw new Error(`probabilities and odds differ in length: ${probabilities.length} and ${decimalOdds.length}`);
  }
  probabilities.forEach((p, i) => assertProbability(p, ` at position ${i + 1}`));
  decimalOdds.forEach((o, i) => assertOdds(o, ` at position ${i + 1}`));
  const total = probabilities.reduce((a, b) => a + b, 0);
  if (total > 1 + 1e-9) throw new Error(`probabilities of one match must sum to at most 1, got ${total}`);

  const order = probabilities.map((_, i) => i).sort((a, b) => probabilities[b]! * decimalOdds[b]! - probabilities[a]! * decimalOdds[a]! || a - b);
  const taken: number[] = [];
  let reserve = 1;
  let takenProbability = 0;
  let takenImplied = 0;
  for (const i of order) {
    const p = probabilities[i]!;
    const o = decimalOdds[i]!;
    if (!(p * o > reserve)) break;
    const nextImplied = takenImplied + 1 / o;
    // A set whose prices sum to 1/o >= 1 only arises at the last outcome of an arbitrage-free
    // book; there the reserve would turn negative, so the set stops before it.
    if (nextImplied >= 1 && takenProbability + p < 1) break;
    taken.push(i);
    takenProbability += p;
    takenImplied = nextImplied;
    reserve = Math.max(0, (1 - takenProbability) / (1 - takenImplied));
  }
  const fractions = probabilities.map(() => 0);
  for (const i of taken) fractions[i] = Math.max(0, probabilities[i]! - reserve / decimalOdds[i]!);
  return fractions;
}

/** One candidate bet for the joint optimiser; bets sharing a matchId are mutually exclusive outcomes. */
export interface KellyBet {
  readonly matchId: string;
  readonly probability: number;
  readonly decimalOdds: number;
}

export interface JointKellyOptions {
  /** Enumerate every combination of results up to this many scenarios; sample beyond. Default 16384 (14 two-way bets). */
  readonly maxEnumeratedScenarios?: number;
  /** Scenarios drawn when sampling. Default 16384. */
  readonly sampledScenarios?: number;
  /** PRNG seed for sampling. Default 1. */
  readonly seed?: number;
}

export interface JointKellyResult {
  /** Fraction of bankroll per bet, in input order; all >= 0. */
  readonly fractions: number[];
  /** E[ln(wealth)] at the optimum under the scenarios used. */
  readonly expectedLogGrowth: number;
  readonly scenarios: 'enumerated' | 'sampled';
  readonly scenarioCount: number;
}

interface Scenarios {
  /** Probability weight of each scenario. */
  readonly weights: Float64Array;
  /** returns[s * n + i] = decimal odds of bet i if it wins in scenario s, else 0. */
  readonly returns: Float64Array;
  readonly count: number;
}

/**
 * Kelly fractions for a week's simultaneous bets, found by maximising the expected log of
 * wealth after all of them settle: E ln(1 - sum f + sum_{winners} f_i o_i). Matches are
 * independent; bets on the same match are exclusive outcomes of it. Results are enumerated
 * exactly while the number of combinations stays within `maxEnumeratedScenarios`; beyond that
 * a fixed seeded Latin-hypercube sample of scenarios is used (deterministic but approximate;
 * `npm run bench:joint-kelly` measures it against the exact optimum, docs/performance.md).
 * The objective is concave and the constraints are f >= 0 and sum f <= 1 (never stake more
 * than the bankroll): projected Newton steps on all fractions find the optimum, and cyclic
 * coordinate ascent (safeguarded Newton on each coordinate) confirms it from there. The sum
 * bound binds only with arbitrage prices; there coordinate ascent may stop short of the
 * constrained optimum (the result is still feasible). Unlike independent Kelly, this accounts
 * for stakes competing for the same bankroll, so the total it stakes is a little lower.
 */
export function jointLogGrowthKelly(bets: readonly KellyBet[], options: JointKellyOptions = {}): JointKellyResult {
  bets.forEach((bet, i) => {
    assertProbability(bet.probability, ` at bet ${i + 1} (${bet.matchId})`);
    assertOdds(bet.decimalOdds, ` at bet ${i + 1} (${bet.matchId})`);
  });
  const n = bets.length;
  if (n === 0) return { fractions: [], expectedLogGrowth: 0, scenarios: 'enumerated', scenarioCount: 1 };
  const scenarios = buildScenarios(bets, options);
  const fractions = new Float64Array(n);
  const wealth = new Float64Array(scenarios.count).fill(1);
  newtonAscent(n, fractions, wealth, scenarios);
  // Coordinate ascent from the Newton point: one sweep confirms an interior optimum, and it is
  // what handles the sum-to-one bound in the arbitrage case.
  for (let sweep = 0; sweep < 1000; sweep += 1) {
    let largestChange = 0;
    for (let i = 0; i < n; i += 1) {
      const othersTotal = total(fractions) - fractions[i]!;
      const next = bestCoordinate(i, n, fractions[i]!, Math.max(0, 1 - othersTotal), wealth, scenarios);
      const change = next - fractions[i]!;
      if (change !== 0) {
        for (let s = 0; s < scenarios.count; s += 1) wealth[s] = wealth[s]! + change * (scenarios.returns[s * n + i]! - 1);
        fractions[i] = next;
        largestChange = Math.max(largestChange, Math.abs(change));
      }
    }
    if (largestChange < 1e-13) break;
  }
  let growth = 0;
  for (let s = 0; s < scenarios.count; s += 1) growth += scenarios.weights[s]! * Math.log(wealth[s]!);
  return { fractions: Array.from(fractions), expectedLogGrowth: growth, scenarios: isSampled(bets, options) ? 'sampled' : 'enumerated', scenarioCount: scenarios.count };
}

/**
 * Projected Newton steps on the whole vector of fractions: the gradient and Hessian of
 * E ln W over the scenarios, solved on the bets that are staked or want to be (f > 0 or a
 * positive slope), the others held at 0, with a backtracking step that keeps every f >= 0,
 * sum f <= 1 and every scenario's wealth > 0. Bets compete for the same bankroll, so coordinate
 * ascent alone crawls (thousands of sweeps on a 20-bet week); Newton converges in a handful of
 * steps to the same optimum. Updates `fractions` and `wealth` in place.
 */
function newtonAscent(n: number, fractions: Float64Array, wealth: Float64Array, scenarios: Scenarios): void {
  const { weights, returns, count } = scenarios;
  const objective = (w: Float64Array) => {
    let sum = 0;
    for (let s = 0; s < count; s += 1) if (weights[s]! > 0) sum += weights[s]! * Math.log(w[s]!);
    return sum;
  };
  let value = objective(wealth);
  const gradient = new Float64Array(n);
  const curvature = new Float64Array(n * n);
  const trialWealth = new Float64Array(count);
  for (let iteration = 0; iteration < 100; iteration += 1) {
    gradient.fill(0);
    curvature.fill(0);
    for (let s = 0; s < count; s += 1) {
      const w = weights[s]!;
      if (w === 0) continue;
      const inverse = 1 / wealth[s]!;
      const g = w * inverse;
      const h = g * inverse;
      const row = s * n;
      for (let i = 0; i < n; i += 1) {
        const ai = returns[row + i]! - 1;
        gradient[i]! += g * ai;
        const hi = h * ai;
        for (let j = 0; j <= i; j += 1) curvature[i * n + j]! += hi * (returns[row + j]! - 1);
      }
    }
    const free: number[] = [];
    for (let i = 0; i < n; i += 1) if (fractions[i]! > 0 || gradient[i]! > 0) free.push(i);
    let largestSlope = 0;
    for (const i of free) largestSlope = Math.max(largestSlope, Math.abs(gradient[i]!));
    if (free.length === 0 || largestSlope < 1e-14) return;
    const m = free.length;
    const matrix = new Float64Array(m * m);
    const rhs = new Float64Array(m);
    free.forEach((i, a) => {
      rhs[a] = gradient[i]!;
      free.forEach((j, b) => (matrix[a * m + b] = i >= j ? curvature[i * n + j]! : curvature[j * n + i]!));
    });
    let step: Float64Array | null = null;
    for (let damping = 0; step === null && damping < 1; damping = damping === 0 ? 1e-12 : damping * 100) {
      const damped = Float64Array.from(matrix);
      for (let a = 0; a < m; a += 1) damped[a * m + a]! += damping;
      step = choleskySolve(damped, rhs, m);
    }
    if (step === null) return;
    let accepted = false;
    const trial = new Float64Array(n);
    for (let t = 1; t > 1e-12 && !accepted; t /= 2) {
      trial.set(fractions);
      let sum = 0;
      free.forEach((i, a) => (trial[i] = Math.max(0, fractions[i]! + t * step[a]!)));
      for (let i = 0; i < n; i += 1) sum += trial[i]!;
      if (sum > 1) continue;
      let feasible = true;
      for (let s = 0; s < count && feasible; s += 1) {
        let w = 1;
        const row = s * n;
        for (let i = 0; i < n; i += 1) w += trial[i]! * (returns[row + i]! - 1);
        trialWealth[s] = w;
        if (!(w > 0) && weights[s]! > 0) feasible = false;
      }
      if (!feasible) continue;
      const trialValue = objective(trialWealth);
      if (trialValue >= value) {
        let change = 0;
        for (let i = 0; i < n; i += 1) change = Math.max(change, Math.abs(trial[i]! - fractions[i]!));
        fractions.set(trial);
        wealth.set(trialWealth);
        value = trialValue;
        accepted = true;
        if (change < 1e-15) return;
      }
    }
    if (!accepted) return;
  }
}

function total(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum;
}

/** The maximiser of the objective along coordinate i, other fractions fixed, within [0, room]. */
function bestCoordinate(i: number, n: number, current: number, room: number, wealth: Float64Array, scenarios: Scenarios): number {
  // Wealth with f_i removed; the derivative in f_i is sum w (r - 1) / (base + f (r - 1)), decreasing in f.
  const derivative = (f: number): { slope: number; curvature: number } => {
    let slope = 0;
    let curvature = 0;
    for (let s = 0; s < scenarios.count; s += 1) {
      const gain = scenarios.returns[s * n + i]! - 1;
      const w = wealth[s]! + (f - current) * gain;
      slope += (scenarios.weights[s]! * gain) / w;
      curvature -= (scenarios.weights[s]! * gain * gain) / (w * w);
    }
    return { slope, curvature };
  };
  if (derivative(0).slope <= 0) return 0;
  // f_i may grow until the first scenario in which bet i loses runs out of wealth.
  let upper = Number.POSITIVE_INFINITY;
  for (let s = 0; s < scenarios.count; s += 1) {
    if (scenarios.returns[s * n + i] === 0 && scenarios.weights[s]! > 0) upper = Math.min(upper, wealth[s]! + current);
  }
  if (room <= 0) return 0;
  if (upper > room) {
    // The bankroll, not a losing scenario, is the binding limit (only with arbitrage prices).
    if (derivative(room).slope >= 0) return room;
    upper = room;
  }
  let lo = 0;
  let hi = upper;
  let f = Math.min(Math.max(current, 0), upper * 0.5) || upper * 0.5;
  for (let step = 0; step < 200; step += 1) {
    const { slope, curvature } = derivative(f);
    if (slope > 0) lo = f;
    else hi = f;
    const newton = f - slope / curvature;
    const next = newton > lo && newton < hi ? newton : lo + (hi - lo) / 2;
    if (Math.abs(next - f) <= 1e-16 + 1e-15 * f || hi - lo <= 1e-16) return next;
    f = next;
  }
  return f;
}

function groupsOf(bets: readonly KellyBet[]): number[][] {
  const byMatch = new Map<string, number[]>();
  bets.forEach((bet, i) => {
    const group = byMatch.get(bet.matchId) ?? [];
    group.push(i);
    byMatch.set(bet.matchId, group);
  });
  const groups = [...byMatch.values()];
  for (const group of groups) {
    const total = group.reduce((sum, i) => sum + bets[i]!.probability, 0);
    if (total > 1 + 1e-9) throw new Error(`probabilities of the bets on match ${bets[group[0]!]!.matchId} sum to ${total}, more than 1`);
  }
  return groups;
}

function combinationCount(groups: readonly number[][]): number {
  return groups.reduce((count, group) => count * (group.length + 1), 1);
}

function isSampled(bets: readonly KellyBet[], options: JointKellyOptions): boolean {
  return combinationCount(groupsOf(bets)) > (options.maxEnumeratedScenarios ?? 16384);
}

function buildScenarios(bets: readonly KellyBet[], options: JointKellyOptions): Scenarios {
  const n = bets.length;
  const groups = groupsOf(bets);
  // Per match: which bet wins (index) or none (-1), with its probability.
  const branches = groups.map((group) => {
    const none = Math.max(0, 1 - group.reduce((sum, i) => sum + bets[i]!.probability, 0));
    return [...group.map((i) => ({ winner: i, probability: bets[i]!.probability })), { winner: -1, probability: none }];
  });
  if (!isSampled(bets, options)) {
    const count = combinationCount(groups);
    const weights = new Float64Array(count);
    const returns = new Float64Array(count * n);
    for (let s = 0; s < count; s += 1) {
      let rest = s;
      let weight = 1;
      for (const matchBranches of branches) {
        const branch = matchBranches[rest % matchBranches.length]!;
        rest = Math.floor(rest / matchBranches.length);
        weight *= branch.probability;
        if (branch.winner >= 0) returns[s * n + branch.winner] = bets[branch.winner]!.decimalOdds;
      }
      weights[s] = weight;
    }
    return { weights, returns, count };
  }
  const count = options.sampledScenarios ?? 16384;
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`sampledScenarios must be a positive integer, got ${count}`);
  const random = mulberry32(options.seed ?? 1);
  const weights = new Float64Array(count).fill(1 / count);
  const returns = new Float64Array(count * n);
  // Latin hypercube: each match's uniform draws are stratified across the scenarios, so every
  // bet wins in its exact share of them (to 1/count). Plain sampling would misstate each edge
  // by ~sqrt(p/count), and Kelly fractions are proportional to the edge.
  for (const matchBranches of branches) {
    const strata = Array.from({ length: count }, (_, s) => s);
    for (let s = count - 1; s > 0; s -= 1) {
      const j = Math.floor(random() * (s + 1));
      [strata[s], strata[j]] = [strata[j]!, strata[s]!];
    }
    for (let s = 0; s < count; s += 1) {
      let u = (strata[s]! + random()) / count;
      for (const branch of matchBranches) {
        if (u < branch.probability || branch.winner === -1) {
          if (branch.winner >= 0) returns[s * n + branch.winner] = bets[branch.winner]!.decimalOdds;
          break;
        }
        u -= branch.probability;
      }
    }
  }
  return { weights, returns, count };
}
