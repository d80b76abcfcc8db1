import { bisectRoot, expandBracket } from './bisect-root';
import { binaryJensenShannonDistance, probabilityAtDistance } from './jensen-shannon';

/**
 * How the bookmaker margin is taken out of a book of decimal odds. Parameterisations follow the
 * R package `implied` 0.6 (see ../shared/testdata/README.md), solved to full double precision:
 * - basic: p = (1/o) / sum(1/o)
 * - additive: p = 1/o - margin / n (can go negative on long shots: flagged problematic)
 * - power: p = (1/o)^(1/k), k solved so the p sum to 1 (parameter k)
 * - shin: Shin's insider-trading model, z solved exactly (parameter z)
 * - odds-ratio: p = io / (c + io - c*io), c solved (parameter c)
 * - wpo: margin weights proportional to odds; algebraically equal to additive
 * - bb: balanced book, z = margin / (n - 1), p = (io - z) / (sum(io) - n*z) (parameter z)
 * - jsd: every p at the same Jensen-Shannon distance from its 1/o (parameter the distance)
 * - goto: goto_conversion, margin taken in proportion to each price's standard error
 *   sqrt(1 - io): p = io - (sum(io) - 1) * sqrt(1 - io) / sum(sqrt(1 - io)) (can go negative)
 */
export const MARGIN_METHODS = ['basic', 'additive', 'power', 'shin', 'odds-ratio', 'wpo', 'bb', 'jsd', 'goto'] as const;
export type MarginMethod = (typeof MARGIN_METHODS)[number];

/**
 * The method used wherever none is configured: power had the lowest Brier, RPS and log loss
 * on all 7,220 shared EPL matches with Bet365, Pinnacle and Pinnacle closing prices
 * (docs/betting.md, `npx tsx src-main/cli/bench-margin.ts`).
 */
export const DEFAULT_MARGIN_METHOD: MarginMethod = 'power';

/** Result of taking the margin out of one book. */
export interface FairProbabilities {
  /** One probability per outcome, in the order of the odds; sums to 1. */
  readonly probabilities: readonly number[];
  /** sum(1/odds) - 1: the bookmaker's overround (negative for an arbitrage book). */
  readonly margin: number;
  /** shin z, power exponent k, odds ratio c, bb z, jsd distance; null for basic, additive, wpo, goto. */
  readonly parameter: number | null;
  /**
   * True when the method could not give a proper distribution for these odds: a probability
   * outside [0, 1] (additive, wpo, bb, goto on extreme long shots) or an outcome pushed to exactly 0
   * (jsd when no common distance exists). The probabilities are returned anyway, so the
   * caller decides; the value-bet layer shows the flag.
   */
  readonly problematic: boolean;
}

/**
 * Fair (margin-free) probabilities for a book of decimal odds with any number (>= 2) of
 * mutually exclusive outcomes. Throws on fewer than two outcomes, on a non-finite price or on
 * a price <= 1, naming the 1-based position.
 */
export function removeMargin(decimalOdds: readonly number[], method: MarginMethod): FairProbabilities {
  // A season asks for the same book many times (each book of the run, every method of the
  // robustness check, settlement, the report); the root finders run to the last double, so the
  // answer is kept. Results are frozen, so a shared one cannot be changed by a caller.
  const key = `${method}|${decimalOdds.join('|')}`;
  const known = fairProbabilityMemo.get(key);
  if (known !== undefined) return known;
  const fair = computeFairProbabilities(decimalOdds, method);
  if (fairProbabilityMemo.size >= FAIR_PROBABILITY_MEMO_LIMIT) fairProbabilityMemo.clear();
  const frozen = Object.freeze({ ...fair, probabilities: Object.freeze([...fair.probabilities]) });
  fairProbabilityMemo.set(key, frozen);
  return frozen;
}

const FAIR_PROBABILITY_MEMO_LIMIT = 100_000;
const fairProbabilityMemo = new Map<string, FairProbabilities>();

function computeFairProbabilities(decimalOdds: readonly number[], method: MarginMethod): FairProbabilities {
  const implied = impliedProbabilities(decimalOdds);
  const booksum = sum(implied);
  const margin = booksum - 1;
  switch (method) {
    case 'basic':
      return finish(implied.map((io) => io / booksum), margin, null);
    case 'additive':
      return finish(
        implied.map((io) => io - margin / implied.length),
        margin,
        null,
      );
    case 'wpo':
      return finish(wpoProbabilities(decimalOdds, margin), margin, null);
    case 'power':
      return powerMethod(implied, margin);
    case 'shin':
      return shinMethod(implied, booksum, margin);
    case 'odds-ratio':
      return oddsRatioMethod(implied, margin);
    case 'bb':
      return balancedBookMethod(implied, booksum, margin);
    case 'jsd':
      return jensenShannonMethod(implied, margin);
    case 'goto':
      return gotoMethod(implied, margin);
    default: {
      const unknown: never = method;
      throw new Error(`Unknown margin method "${String(unknown)}"; expected one of ${MARGIN_METHODS.join(', ')}`);
    }
  }
}

/** 1/odds for each outcome after validating the book. */
export function impliedProbabilities(decimalOdds: readonly number[]): number[] {
  if (decimalOdds.length < 2) {
    throw new Error(`a book needs at least two outcomes, got ${decimalOdds.length}`);
  }
  return decimalOdds.map((odds, index) => {
    if (typeof odds !== 'number' || !Number.isFinite(odds)) {
      throw new Error(`odds must be a finite number, got ${String(odds)} at position ${index + 1}`);
    }
    if (odds <= 1) {
      throw new Error(`odds must be greater than 1, got ${odds} at position ${index + 1}`);
    }
    return 1 / odds;
  });
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Normalise away the last rounding error and flag values outside [0, 1]. */
function finish(raw: readonly number[], margin: number, parameter: number | null, forceProblematic = false): FairProbabilities {
  const total = sum(raw);
  const probabilities = raw.map((p) => p / total);
  const outside = probabilities.some((p) => p < 0 || p > 1);
  return { probabilities, margin, parameter, problematic: forceProblematic || outside };
}

function wpoProbabilities(decimalOdds: readonly number[], margin: number): number[] {
  const n = decimalOdds.length;
  // Margin shares proportional to the odds: fair odds = n*o / (n - margin*o).
  return decimalOdds.map((odds) => (n - margin * odds) / (n * odds));
}

/**
 * Root of a decreasing `excess` on one side of its neutral point (the parameter at which a
 * fair book needs no change). The side follows the sign of excess(neutral) itself, not the
 * computed margin, so a book whose implied probabilities sum to 1 within rounding never
 * searches the wrong way.
 */
function solveAroundNeutral(excess: (x: number) => number, neutral: number, above: (x: number) => number, upperStart: number, lowerBound: (() => number) | null, belowStart: number): number {
  const atNeutral = excess(neutral);
  if (atNeutral === 0) return neutral;
  if (atNeutral > 0) return bisectRoot(excess, neutral, expandBracket(excess, neutral, upperStart, above));
  return bisectRoot(excess, lowerBound ? lowerBound() : expandBracket(excess, neutral, belowStart, (x) => x * 2), neutral);
}

function powerMethod(implied: readonly number[], margin: number): FairProbabilities {
  // Solve for the exponent e = 1/k: sum(io^e) falls as e grows because every io < 1.
  const excess = (exponent: number) => sum(implied.map((io) => io ** exponent)) - 1;
  const exponent = solveAroundNeutral(excess, 1, (x) => x * 2, 2, () => Number.MIN_VALUE, 0);
  return finish(
    implied.map((io) => io ** exponent),
    margin,
    1 / exponent,
  );
}

function shinProbabilities(implied: readonly number[], booksum: number, z: number): number[] {
  return implied.map((io) => (Math.sqrt(z * z + (4 * (1 - z) * io * io) / booksum) - z) / (2 * (1 - z)));
}

function shinMethod(implied: readonly number[], booksum: number, margin: number): FairProbabilities {
  // sum p(z) falls as z grows; z lies in (0, 1) for a positive margin and below 0 for a negative one.
  const excess = (z: number) => sum(shinProbabilities(implied, booksum, z)) - 1;
  const z = solveAroundNeutral(excess, 0, (x) => (x + 1) / 2, 0.5, null, -0.5);
  return finish(shinProbabilities(implied, booksum, z), margin, z);
}

function oddsRatioMethod(implied: readonly number[], margin: number): FairProbabilities {
  const probabilitiesAt = (c: number) => implied.map((io) => io / (c + io - c * io));
  const excess = (c: number) => sum(probabilitiesAt(c)) - 1;
  const c = solveAroundNeutral(excess, 1, (x) => x * 2, 2, () => Number.MIN_VALUE, 0);
  return finish(probabilitiesAt(c), margin, c);
}

function balancedBookMethod(implied: readonly number[], booksum: number, margin: number): FairProbabilities {
  const n = implied.length;
  const z = margin / (n - 1);
  return finish(
    implied.map((io) => (io - z) / (booksum - n * z)),
    margin,
    z,
  );
}

function gotoMethod(implied: readonly number[], margin: number): FairProbabilities {
  const standardErrors = implied.map((io) => Math.sqrt(1 - io));
  const step = margin / sum(standardErrors);
  return finish(
    implied.map((io, i) => io - step * standardErrors[i]!),
    margin,
    null,
  );
}

function jensenShannonMethod(implied: readonly number[], margin: number): FairProbabilities {
  if (margin === 0) return finish(implied, margin, 0);
  const below = margin > 0;
  const probabilitiesAt = (distance: number) => implied.map((io) => probabilityAtDistance(io, distance, below));
  const excess = (distance: number) => sum(probabilitiesAt(distance)) - 1;
  // At the largest distance any outcome can reach every p sits at its end (0 or 1), so the
  // sum has crossed 1 and a root exists; outcomes clamped there make the result problematic.
  const farthest = Math.max(...implied.map((io) => binaryJensenShannonDistance(below ? 0 : 1, io)));
  const distance = bisectRoot(excess, 0, farthest);
  const probabilities = probabilitiesAt(distance);
  const clamped = probabilities.some((p) => p <= 0 || p >= 1);
  return finish(probabilities, margin, distance, clamped);
}

/**
 * Shin's z as the `implied` package computes it by default (Jullien-Salanie fixed point with
 * stopping rule |z_new - z| <= 2^-13, returning the previous iterate). Kept only so results can
 * be compared with that package exactly; `removeMargin(odds, 'shin')` is the converged solution.
 * Returns null where the package returns NA: fewer than three outcomes (its update divides by
 * n - 2) or a loop that stops at its first step (a fair book).
 */
export function removeMarginShinPackageCompatible(decimalOdds: readonly number[]): FairProbabilities | null {
  const implied = impliedProbabilities(decimalOdds);
  const n = implied.length;
  if (n < 3) return null;
  const booksum = sum(implied);
  const margin = booksum - 1;
  let z = 0;
  for (let step = 0; step < 1000; step += 1) {
    const next = (sum(implied.map((io) => Math.sqrt(z * z + (4 * (1 - z) * io * io) / booksum))) - 2) / (n - 2);
    if (Math.abs(next - z) <= 2 ** -13) {
      if (step === 0) return null;
      return finish(shinProbabilities(implied, booksum, z), margin, z);
    }
    z = next;
  }
  throw new Error(`package-compatible Shin did not settle after 1000 steps for odds ${decimalOdds.join('/')}`);
}
