import type { Outcome, Triple } from '../football/outcome';
import { calibrationTable } from './calibration-table';

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
  if (!Number.isSafeInteger(minBinCount) || minBinCount < 1) throw new Error(`minBinCount must be a positive integer, got ${minBinCount}`);
  const pooled = calibrationTable(forecasts, results, bins).find((curve) => curve.outcome === 'pooled')!;
  let weighted = 0;
  let count = 0;
  for (const bin of pooled.bins) {
    if (bin.count < minBinCount || bin.meanForecast === null || bin.observedFrequency === null) continue;
    weighted += bin.count * (bin.observedFrequency - bin.meanForecast) ** 2;
    count += bin.count;
  }
  if (count === 0) throw new Error(`no reliability bin holds ${minBinCount} or more forecasts; measure calibration on more matches`);
  return Math.sqrt(weighted / count);
}
