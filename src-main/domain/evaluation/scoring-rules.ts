import { OUTCOMES, outcomeIndex, type Outcome, type Triple } from '../football/outcome';
import { assertForecast, assertForecastsMatchResults } from './forecast-validation';

/**
 * Proper scoring rules for 1X2 forecasts (DESIGN.md definitions). Per-match functions exist so
 * the simulator can aggregate by week; the mean versions validate their whole input first and
 * throw on an empty list rather than return a mean of nothing.
 */

/** One match's Brier score: sum_k (p_k - y_k)^2, from 0 (certain and right) to 2. */
export function matchBrierScore(forecast: Triple, result: Outcome): number {
  const hit = outcomeIndex(result);
  let score = 0;
  for (let k = 0; k < 3; k += 1) {
    const y = k === hit ? 1 : 0;
    score += (forecast[k as 0 | 1 | 2] - y) ** 2;
  }
  return score;
}

/** One match's ranked probability score: 1/2 * sum over H and H+D of (cumulative p - cumulative y)^2. */
export function matchRankedProbabilityScore(forecast: Triple, result: Outcome): number {
  const hit = outcomeIndex(result);
  const cumulativeHome = forecast[0] - (hit === 0 ? 1 : 0);
  const cumulativeHomeOrDraw = forecast[0] + forecast[1] - (hit <= 1 ? 1 : 0);
  return (cumulativeHome ** 2 + cumulativeHomeOrDraw ** 2) / 2;
}

/** Probabilities are clipped here before the logarithm so one certain-and-wrong forecast costs ~34.5 rather than Infinity. */
export const LOG_LOSS_CLIP = 1e-15;

/** One match's log loss: -ln(p of the result), with p clipped below at LOG_LOSS_CLIP. */
export function matchLogLoss(forecast: Triple, result: Outcome): number {
  return -Math.log(Math.max(forecast[outcomeIndex(result)], LOG_LOSS_CLIP));
}

/** The forecast's pick: the most likely outcome, ties broken in H, D, A order. */
export function predictedOutcome(forecast: Triple): Outcome {
  let best = 0;
  for (let k = 1; k < 3; k += 1) if (forecast[k as 0 | 1 | 2] > forecast[best as 0 | 1 | 2]) best = k;
  return OUTCOMES[best]!;
}

/** 1 when the forecast's pick (see predictedOutcome) is the result, else 0. */
export function matchAccuracy(forecast: Triple, result: Outcome): number {
  return predictedOutcome(forecast) === result ? 1 : 0;
}

function meanOf(
  score: (forecast: Triple, result: Outcome) => number,
  forecasts: readonly Triple[],
  results: readonly Outcome[],
): number {
  assertForecastsMatchResults(forecasts, results);
  if (forecasts.length === 0) throw new Error('cannot score an empty list of forecasts');
  let total = 0;
  forecasts.forEach((forecast, index) => {
    total += score(forecast, results[index]!);
  });
  return total / forecasts.length;
}

/** Mean Brier score over matches (0..2). */
export function brierScore(forecasts: readonly Triple[], results: readonly Outcome[]): number {
  return meanOf(matchBrierScore, forecasts, results);
}

/** Mean ranked probability score over matches (0..1). */
export function rankedProbabilityScore(forecasts: readonly Triple[], results: readonly Outcome[]): number {
  return meanOf(matchRankedProbabilityScore, forecasts, results);
}

/** Mean log loss over matches (natural log; p clipped at LOG_LOSS_CLIP). */
export function logLoss(forecasts: readonly Triple[], results: readonly Outcome[]): number {
  return meanOf(matchLogLoss, forecasts, results);
}

/** Share of matches whose most likely outcome happened. */
export function accuracy(forecasts: readonly Triple[], results: readonly Outcome[]): number {
  return meanOf(matchAccuracy, forecasts, results);
}

/** Every per-match score of one forecast, as the simulator stores it. */
export interface MatchScores {
  readonly brier: number;
  readonly rankedProbability: number;
  readonly logLoss: number;
  readonly correct: boolean;
}

/** All per-match scores at once, after validating the forecast. */
export function scoreMatch(forecast: Triple, result: Outcome): MatchScores {
  assertForecast(forecast, 0);
  return {
    brier: matchBrierScore(forecast, result),
    rankedProbability: matchRankedProbabilityScore(forecast, result),
    logLoss: matchLogLoss(forecast, result),
    correct: matchAccuracy(forecast, result) === 1,
  };
}
