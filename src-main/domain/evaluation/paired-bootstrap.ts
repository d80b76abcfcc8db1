import { mulberry32, randomIndex } from './seeded-random';

/** Settings for a percentile bootstrap. */
export interface BootstrapOptions {
  /** Number of resamples, e.g. 2000. */
  readonly resamples: number;
  /** PRNG seed: same seed, same interval. */
  readonly seed: number;
  /** Two-sided confidence level in (0, 1), e.g. 0.95. */
  readonly level: number;
}

/** Mean of model minus market per-match scores, with its bootstrap interval. */
export interface PairedBootstrapResult {
  readonly meanDifference: number;
  readonly lower: number;
  readonly upper: number;
  /** True when the interval excludes 0. */
  readonly significant: boolean;
}

export function assertBootstrapOptions(options: BootstrapOptions): void {
  if (!Number.isSafeInteger(options.resamples) || options.resamples < 1) {
    throw new Error(`resamples must be a positive integer, got ${options.resamples}`);
  }
  if (!(options.level > 0 && options.level < 1)) {
    throw new Error(`level must be strictly between 0 and 1, got ${options.level}`);
  }
}

/**
 * Percentile of sorted values with linear interpolation between order statistics (R type 7),
 * so small resample counts still give a stable interval.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) throw new Error('cannot take a quantile of no values');
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  const weight = position - below;
  return sorted[below]! * (1 - weight) + sorted[above]! * weight;
}

/**
 * Paired bootstrap of the mean per-match score difference (model - market): matches are
 * resampled with replacement, keeping each match's two scores together, so the shared
 * difficulty of a match cancels. For loss-type scores (Brier, RPS, log loss) a negative
 * difference means the model scored better than the market.
 */
export function pairedBootstrap(modelScores: readonly number[], marketScores: readonly number[], options: BootstrapOptions): PairedBootstrapResult {
  assertBootstrapOptions(options);
  if (modelScores.length !== marketScores.length) {
    throw new Error(`model and market scores differ in length: ${modelScores.length} and ${marketScores.length}`);
  }
  if (modelScores.length === 0) throw new Error('cannot bootstrap an empty list of scores');
  const differences = modelScores.map((score, index) => {
    const market = marketScores[index]!;
    if (!Number.isFinite(score) || !Number.isFinite(market)) {
      throw new Error(`scores must be finite numbers, got model ${score} and market ${market} at match ${index}`);
    }
    return score - market;
  });
  const n = differences.length;
  const meanDifference = differences.reduce((a, b) => a + b, 0) / n;
  const random = mulberry32(options.seed);
  const means: number[] = [];
  for (let r = 0; r < options.resamples; r += 1) {
    let total = 0;
    for (let i = 0; i < n; i += 1) total += differences[randomIndex(random, n)]!;
    means.push(total / n);
  }
  means.sort((a, b) => a - b);
  const tail = (1 - options.level) / 2;
  const lower = quantileOfSorted(means, tail);
  const upper = quantileOfSorted(means, 1 - tail);
  return { meanDifference, lower, upper, significant: lower > 0 || upper < 0 };
}
