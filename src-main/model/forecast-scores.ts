import type { Outcome, Triple } from '../domain/football/outcome';
import { outcomeIndex } from '../domain/football/outcome';

/**
 * Mean Brier, RPS and log loss of 1X2 forecasts (DESIGN.md definitions). Kept local to the model
 * folder for tuning and benchmarks until domain/evaluation/scoring-rules.ts exists.
 */
export interface ForecastScores {
  readonly brier: number;
  readonly rps: number;
  readonly logLoss: number;
  readonly matches: number;
}

/** Probability floor for log loss so one overconfident miss cannot make the mean infinite. */
const LOG_LOSS_FLOOR = 1e-15;

export function scoreForecasts(forecasts: readonly { readonly probabilities: Triple; readonly result: Outcome }[]): ForecastScores {
  if (forecasts.length === 0) throw new Error('Cannot score an empty set of forecasts');
  let brier = 0;
  let rps = 0;
  let logLoss = 0;
  for (const { probabilities: p, result } of forecasts) {
    const k = outcomeIndex(result);
    const y = [k === 0 ? 1 : 0, k === 1 ? 1 : 0, k === 2 ? 1 : 0];
    brier += (p[0] - y[0]!) ** 2 + (p[1] - y[1]!) ** 2 + (p[2] - y[2]!) ** 2;
    const c1 = p[0] - y[0]!;
    const c2 = p[0] + p[1] - y[0]! - y[1]!;
    rps += 0.5 * (c1 * c1 + c2 * c2);
    logLoss -= Math.log(Math.max(p[k], LOG_LOSS_FLOOR));
  }
  const n = forecasts.length;
  return { brier: brier / n, rps: rps / n, logLoss: logLoss / n, matches: n };
}
