import type { Triple } from '../football/outcome';

/** How far a forecast may sum from 1: float32 model outputs (TF.js) drift by ~1e-7. */
export const PROBABILITY_SUM_TOLERANCE = 1e-6;

/**
 * Throws unless `forecasts` and `results` pair up and every forecast is a distribution over
 * H, D, A; messages name the 0-based match index so a caller can find the row.
 */
export function assertForecastsMatchResults(forecasts: readonly Triple[], results: readonly unknown[]): void {
  if (forecasts.length !== results.length) {
    throw new Error(`forecasts and results differ in length: ${forecasts.length} forecasts, ${results.length} results`);
  }
  forecasts.forEach((forecast, index) => assertForecast(forecast, index));
  results.forEach((result, index) => {
    if (result !== 'H' && result !== 'D' && result !== 'A') {
      throw new Error(`result must be H, D or A, got ${JSON.stringify(result)} at match ${index}`);
    }
  });
}

/** Throws unless `forecast` holds three finite probabilities in [0, 1] summing to 1. */
export function assertForecast(forecast: Triple, index: number): void {
  if (forecast.length !== 3) {
    throw new Error(`forecast must have 3 probabilities (H, D, A), got ${forecast.length} at match ${index}`);
  }
  for (const p of forecast) {
    if (!Number.isFinite(p) || p < 0 || p > 1) {
      throw new Error(`probability must be a number in [0, 1], got ${p} at match ${index}`);
    }
  }
  const total = forecast[0] + forecast[1] + forecast[2];
  if (Math.abs(total - 1) > PROBABILITY_SUM_TOLERANCE) {
    throw new Error(`probabilities must sum to 1 (within ${PROBABILITY_SUM_TOLERANCE}), got ${total} at match ${index}`);
  }
}
