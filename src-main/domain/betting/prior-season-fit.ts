import type { Match } from '../football/match';
import type { Triple } from '../football/outcome';
import { addCalibrationBins, calibrationBinTotals, rmsCalibrationErrorOfBins, type CalibrationBinTotals } from '../evaluation/calibration-error';
import { fitPoolWeight } from './logistic-pool';
import { marketConsensus } from './market-consensus';
import type { Strategy } from './strategy';
import { strategyProbabilities } from './strategy-inputs';

/**
 * What a run measures on the seasons before its holdout, before its first week: the pool weight
 * of "model shrunk to market" and the calibration table of the strategy's own forecasts that
 * Kelly shrinkage starts from. Everything here comes from out-of-sample forecasts of those
 * seasons (each season priced by a model fitted before it began), never from the holdout.
 */
export interface PriorSeasonFit {
  /** The seasons measured on, oldest first. */
  readonly seasons: readonly string[];
  /** Matches of those seasons with every input the measurement needs. */
  readonly matches: number;
  /** The maximum-likelihood pool weight, when the strategy's weight is fitted. */
  readonly poolWeight: { readonly weight: number; readonly unconstrainedWeight: number; readonly standardError: number } | null;
  /** Pooled reliability bins of the strategy's forecasts of those seasons, when Kelly shrinks by calibration error. */
  readonly calibration: readonly CalibrationBinTotals[] | null;
}

/**
 * The seasons to measure on: the last `count` training seasons that have at least
 * `seasonsNeededBefore` training seasons before them (a season is priced by a model fitted on the
 * seasons before it, and the feature models need one season of history to describe a match).
 */
export function priorFitSeasonsOf(trainingSeasons: readonly string[], count: number, seasonsNeededBefore: number): string[] {
  if (!(Number.isSafeInteger(count) && count >= 1)) throw new Error(`the number of seasons to fit on must be a whole number >= 1, got ${count}`);
  const sorted = [...trainingSeasons].sort();
  return sorted.slice(seasonsNeededBefore).slice(-count);
}

/** One match of a prior season: the model's out-of-sample forecast of it (null when the strategy needs no model). */
export interface PriorSeasonForecast {
  readonly match: Pick<Match, 'id' | 'odds' | 'result' | 'season'>;
  readonly model: Triple | null;
}

/**
 * Fits what the strategy needs on the prior seasons' forecasts: the pool weight when its source is
 * "model shrunk to market" with no weight yet, and the calibration table of its own forecasts
 * (at the fitted or fixed weight) when Kelly shrinks by calibration error. Names what is missing
 * when it cannot.
 */
export function fitOnPriorSeasons(
  seasons: readonly string[],
  forecasts: readonly PriorSeasonForecast[],
  strategy: Pick<Strategy, 'probabilitySource' | 'marginMethod' | 'staking'>,
): PriorSeasonFit {
  if (seasons.length === 0) throw new Error('there is no season before the holdout to fit on');
  const where = seasons.length > 1 ? `${seasons[0]}..${seasons.at(-1)}` : seasons[0]!;
  const method = strategy.marginMethod;
  let source = strategy.probabilitySource;
  let poolWeight: PriorSeasonFit['poolWeight'] = null;
  let matches = 0;
  if (source.kind === 'model-shrunk-to-market' && source.weight === null) {
    const reference = source.reference;
    const observations = forecasts.flatMap((f) => {
      const market = marketConsensus(f.match, reference, method);
      return f.model === null || market === null ? [] : [{ model: f.model, market, result: f.match.result }];
    });
    if (observations.length === 0) throw new Error(`no match of ${where} has both a model forecast and ${reference} pre-match prices to fit the pool weight on`);
    const fit = fitPoolWeight(observations);
    poolWeight = { weight: fit.weight, unconstrainedWeight: fit.unconstrainedWeight, standardError: fit.standardError };
    matches = fit.matches;
    source = { ...source, weight: fit.weight, fittedOn: { seasons, matches, standardError: fit.standardError } };
  }
  let calibration: CalibrationBinTotals[] | null = null;
  if (strategy.staking.kind === 'kelly' && strategy.staking.shrinkByCalibration) {
    const scored = forecasts.flatMap((f) => {
      const p = strategyProbabilities(source, f.match, f.model, method);
      return p === null ? [] : [{ p, result: f.match.result }];
    });
    if (scored.length === 0) {
      const prices = source.kind === 'model' ? '' : ` (it needs ${source.reference} pre-match prices; Pinnacle's start in 2012-13)`;
      throw new Error(`the strategy prices no match of ${where}${prices}, so its calibration error cannot be measured; choose a later holdout or turn shrinkKellyByCalibration off`);
    }
    calibration = calibrationBinTotals(scored.map((s) => s.p), scored.map((s) => s.result));
    matches = Math.max(matches, scored.length);
  }
  return { seasons: [...seasons], matches, poolWeight, calibration };
}

/** Whether a strategy needs a prior-season fit before its first week. */
export function needsPriorSeasonFit(strategy: Pick<Strategy, 'probabilitySource' | 'staking'>): boolean {
  const source = strategy.probabilitySource;
  return (source.kind === 'model-shrunk-to-market' && source.weight === null) || (strategy.staking.kind === 'kelly' && strategy.staking.shrinkByCalibration);
}

/** Whether the prior-season fit needs the model's forecasts, or only prices (a market-consensus strategy). */
export function priorSeasonFitNeedsModel(strategy: Pick<Strategy, 'probabilitySource'>): boolean {
  return strategy.probabilitySource.kind !== 'market-consensus';
}

/**
 * The calibration error Kelly is shrunk by in a week: the strategy's own forecasts of the prior
 * seasons and of the run's earlier weeks, never the week being decided or later.
 */
export function calibrationErrorBefore(prior: readonly CalibrationBinTotals[], earlierWeeks: readonly { readonly probabilities: Triple; readonly result: Match['result'] }[]): number {
  const bins = earlierWeeks.length === 0 ? prior : addCalibrationBins(prior, calibrationBinTotals(earlierWeeks.map((f) => f.probabilities), earlierWeeks.map((f) => f.result), prior.length));
  return rmsCalibrationErrorOfBins(bins);
}
