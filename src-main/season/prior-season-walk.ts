import type { Match } from '../domain/football/match';
import type { Triple } from '../domain/football/outcome';
import { bettingWeeksOf, matchesInWeek, type BettingWeek } from '../domain/football/betting-week';
import { calibrationErrorBefore, fitOnPriorSeasons, priorFitSeasonsOf, priorSeasonFitNeedsModel, type PriorSeasonFit, type PriorSeasonForecast } from '../domain/betting/prior-season-fit';
import { strategyProbabilities } from '../domain/betting/strategy-inputs';
import { seasonSpanLabelOf, type Strategy } from '../domain/betting/strategy';
import type { TaskOptions } from '../app/edgeline-service';
import type { RunSettings } from './run-settings';

/** Fits a model on the matches before `cutoff`; prices a week of matches with it under the engine's cutoff rule. */
export interface PriorSeasonPricing<M> {
  train(history: readonly Match[], cutoff: string, options: TaskOptions): Promise<M>;
  priceWeek(model: M, played: readonly Match[], week: BettingWeek): Promise<Triple[]>;
}

/**
 * How many training seasons a season measured on needs before it: its model is fitted on them,
 * and the feature models need a season of history to describe a match (as a run's initial model does).
 */
function seasonsNeededBefore(settings: RunSettings, strategy: Strategy): number {
  if (!priorSeasonFitNeedsModel(strategy)) return 0;
  return settings.externalModel === undefined && settings.modelKind !== 'dixon-coles' ? 2 : 1;
}

/** The seasons a run will measure on before its first week (empty when it has too few training seasons). */
export function priorFitSeasonsOfRun(settings: RunSettings, strategy: Strategy, trainingSeasons: readonly string[]): string[] {
  return priorFitSeasonsOf(trainingSeasons, settings.priorFitSeasons, seasonsNeededBefore(settings, strategy));
}

/**
 * Walks the model forward over the seasons before the holdout, out of sample: each season is
 * priced week by week by one model fitted on every match before the season began, each week
 * under the engine's own cutoff (results before the fixture's price day). One fit per season and
 * no refits inside it keeps the cost at one initial fit a season; those forecasts are a little
 * worse than a refitted run's, so a weight fitted on them leans, if anything, toward the market.
 * A market-consensus strategy needs no model: its forecasts of those seasons are their prices.
 */
export async function measurePriorSeasons<M>(
  settings: RunSettings,
  strategy: Strategy,
  pool: readonly Match[],
  trainingSeasons: readonly string[],
  pricing: PriorSeasonPricing<M>,
  options: TaskOptions = {},
): Promise<PriorSeasonFit> {
  const seasons = priorFitSeasonsOfRun(settings, strategy, trainingSeasons);
  if (seasons.length === 0) {
    throw new Error(
      `Run settings, priorFitSeasons: strategy "${strategy.name}" is measured on the seasons before the holdout, but no training season has the ${seasonsNeededBefore(settings, strategy)} season(s) before it its model needs; import earlier seasons${strategy.probabilitySource.kind === 'model-shrunk-to-market' ? ' or set a fixed poolWeight' : ''}.`,
    );
  }
  const useModel = priorSeasonFitNeedsModel(strategy);
  const forecasts: PriorSeasonForecast[] = [];
  for (const [i, season] of seasons.entries()) {
    options.signal?.throwIfAborted();
    const matches = pool.filter((m) => m.season === season);
    const weeks = bettingWeeksOf(matches);
    if (!useModel) {
      forecasts.push(...matches.map((match) => ({ match, model: null })));
      continue;
    }
    options.onProgress?.({ fraction: i / seasons.length, message: `Measuring on ${seasonSpanLabelOf([season])} (${i + 1} of ${seasons.length} seasons before the holdout): fitting a model on the matches before it` });
    const model = await pricing.train(pool.filter((m) => m.date < weeks[0]!.start), weeks[0]!.start, options);
    for (const week of weeks) {
      const played = matchesInWeek(matches, week);
      const probabilities = await pricing.priceWeek(model, played, week);
      played.forEach((match, k) => forecasts.push({ match, model: probabilities[k]! }));
    }
  }
  return fitOnPriorSeasons(seasons, forecasts, strategy);
}

/**
 * The calibration error the week's Kelly stakes shrink by, when the strategy asks for it: its own
 * forecasts of the prior seasons (measured before the first week) and of the run's earlier weeks
 * (`pastActive`, the active model's predictions of weeks already settled), never the week being
 * decided. null when the strategy does not shrink.
 */
export function strategyCalibrationError(
  settings: RunSettings,
  strategy: Strategy,
  pastActive: readonly { readonly matchId: string; readonly probabilities: Triple }[],
  matchesById: ReadonlyMap<string, Match>,
): number | null {
  if (!(strategy.staking.kind === 'kelly' && strategy.staking.shrinkByCalibration)) return null;
  const prior = settings.priorSeasonFit?.calibration;
  if (prior === undefined || prior === null) throw new Error(`strategy "${strategy.name}" shrinks Kelly by calibration error, but the run has not measured its forecasts of the seasons before the holdout`);
  const earlier = pastActive.flatMap((p) => {
    const match = matchesById.get(p.matchId);
    if (match === undefined) throw new Error(`past prediction of match ${p.matchId} has no match in the run's data`);
    const q = strategyProbabilities(strategy.probabilitySource, match, p.probabilities, strategy.marginMethod);
    return q === null ? [] : [{ probabilities: q, result: match.result }];
  });
  return calibrationErrorBefore(prior, earlier);
}
