import { outcomeIndex, type Outcome, type Triple } from '../football/outcome';

/**
 * Root-mean-square calibration error of a forecaster on its own past forecasts: over the pooled
 * reliability bins (every match adds its H, D and A forecast), sqrt(Σ n_b (observed_b − mean_b)² / Σ n_b).
 * It is a typical size of the error in a single probability that the forecaster cannot see from
 * inside, in probability units; `calibrationKellyScale` turns it into a stake shrinkage. Bins
 * hold at least `minBinCount` forecasts or are left out, so a nearly empty extreme bin (one
 * long shot that won) cannot dominate the figure.
 */
export function rmsCalibrationError(forecasts: readonly Triple[], results: readonly Outcome[], bins = 10, minBinCount = 20): number {
  if (forecasts.length === 0) throw new Error('cannot measure the calibration of no forecasts');
  return rmsCalibrationErrorOfBins(calibrationBinTotals(forecasts, results, bins), minBinCount);
}

/**
 * One pooled reliability bin as sums, so the bins of forecasts made at different times (earlier
 * seasons, earlier weeks of a run) can be added without keeping the forecasts themselves.
 */
export interface CalibrationBinTotals {
  readonly count: number;
  readonly forecastSum: number;
  readonly hits: number;
}

/** The pooled bins of `calibrationTable` ([lower, upper), the last bin includes 1) as totals. */
export function calibrationBinTotals(forecasts: readonly Triple[], results: readonly Outcome[], bins = 10): CalibrationBinTotals[] {
  if (!Number.isSafeInteger(bins) || bins < 1) throw new Error(`bins must be a positive integer, got ${bins}`);
  if (forecasts.length !== results.length) throw new Error(`forecasts and results differ in length: ${forecasts.length} and ${results.length}`);
  const counts = new Array<number>(bins).fill(0);
  const sums = new Array<number>(bins).fill(0);
  const hits = new Array<number>(bins).fill(0);
  forecasts.forEach((forecast, i) => {
    const happened = outcomeIndex(results[i]!);
    forecast.forEach((p, k) => {
      if (!(Number.isFinite(p) && p >= 0 && p <= 1)) throw new Error(`forecast ${i} has probability ${p} at position ${k + 1}; probabilities lie in [0, 1]`);
      const bin = Math.min(bins - 1, Math.floor(p * bins));
      counts[bin]! += 1;
      sums[bin]! += p;
      if (k === happened) hits[bin]! += 1;
    });
  });
  return counts.map((count, b) => ({ count, forecastSum: sums[b]!, hits: hits[b]! }));
}

/** Bin by bin sums of two tables with the same bins. */
export function addCalibrationBins(a: readonly CalibrationBinTotals[], b: readonly CalibrationBinTotals[]): CalibrationBinTotals[] {
  if (a.length !== b.length) throw new Error(`cannot add calibration tables of ${a.length} and ${b.length} bins`);
  return a.map((x, i) => ({ count: x.count + b[i]!.count, forecastSum: x.forecastSum + b[i]!.forecastSum, hits: x.hits + b[i]!.hits }));
}

/** `rmsCalibrationError` of bins already summed. */
export function rmsCalibrationErrorOfBins(totals: readonly CalibrationBinTotals[], minBinCount = 20): number {
  if (!Number.isSafeInteger(minBinCount) || minBinCount < 1) throw new Error(`minBinCount must be a positive integer, got ${minBinCount}`);
  let weighted = 0;
  let count = 0;
  for (const bin of totals) {
    if (bin.count < minBinCount) continue;
    weighted += bin.count * (bin.hits / bin.count - bin.forecastSum / bin.count) ** 2;
    count += bin.count;
  }
  if (count === 0) throw new Error(`no reliability bin holds ${minBinCount} or more forecasts; measure calibration on more matches`);
  return Math.sqrt(weighted / count);
}
