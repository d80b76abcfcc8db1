import { OUTCOMES, outcomeIndex, type Outcome, type Triple } from '../football/outcome';
import { assertForecastsMatchResults } from './forecast-validation';

/** One reliability bin: forecasts with lower <= p < upper (the last bin includes 1). */
export interface CalibrationBin {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  /** Mean forecast probability in the bin; null when the bin is empty. */
  readonly meanForecast: number | null;
  /** Share of the bin's forecasts whose outcome happened; null when the bin is empty. */
  readonly observedFrequency: number | null;
}

/** Reliability bins for one outcome, or 'pooled' over all three (each match then adds three forecasts). */
export interface CalibrationCurve {
  readonly outcome: Outcome | 'pooled';
  readonly bins: readonly CalibrationBin[];
}

/**
 * Reliability table: for each outcome H, D, A and pooled over the three, `bins` equal-width
 * bins on [0, 1] with count, mean forecast and observed frequency. A well calibrated forecast
 * has meanForecast close to observedFrequency in every well-filled bin.
 */
export function calibrationTable(forecasts: readonly Triple[], results: readonly Outcome[], bins = 10): CalibrationCurve[] {
  if (!Number.isSafeInteger(bins) || bins < 1) throw new Error(`bins must be a positive integer, got ${bins}`);
  assertForecastsMatchResults(forecasts, results);
  const curves: CalibrationCurve[] = OUTCOMES.map((outcome) =>
    binForecasts(
      forecasts.map((forecast) => forecast[outcomeIndex(outcome)]),
      results.map((result) => result === outcome),
      bins,
      outcome,
    ),
  );
  const pooledForecasts: number[] = [];
  const pooledHits: boolean[] = [];
  forecasts.forEach((forecast, index) => {
    OUTCOMES.forEach((outcome) => {
      pooledForecasts.push(forecast[outcomeIndex(outcome)]);
      pooledHits.push(results[index] === outcome);
    });
  });
  curves.push(binForecasts(pooledForecasts, pooledHits, bins, 'pooled'));
  return curves;
}

function binForecasts(probabilities: readonly number[], hits: readonly boolean[], bins: number, outcome: Outcome | 'pooled'): CalibrationCurve {
  const counts = new Array<number>(bins).fill(0);
  const sums = new Array<number>(bins).fill(0);
  const hitCounts = new Array<number>(bins).fill(0);
  probabilities.forEach((p, index) => {
    const bin = Math.min(bins - 1, Math.floor(p * bins));
    counts[bin]! += 1;
    sums[bin]! += p;
    if (hits[index]) hitCounts[bin]! += 1;
  });
  return {
    outcome,
    bins: counts.map((count, bin) => ({
      lower: bin / bins,
      upper: (bin + 1) / bins,
      count,
      meanForecast: count === 0 ? null : sums[bin]! / count,
      observedFrequency: count === 0 ? null : hitCounts[bin]! / count,
    })),
  };
}
