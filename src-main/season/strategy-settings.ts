import { DEFAULT_PRIOR_FIT_SEASONS, NAMED_STRATEGIES, NAMED_STRATEGY_IDS, type NamedStrategyId } from '../domain/betting/named-strategies';
import type { ProbabilitySource, Strategy } from '../domain/betting/strategy';
import type { RunSettings } from './run-settings';

/**
 * A strategy is part of a run's settings, held in flat fields the run form edits (strategyName,
 * probabilitySource, referenceBook, poolWeight, priceSource, the filters and the staking). This
 * file is the one mapping between those fields and the betting core's `Strategy`. It imports no
 * model code, so the renderer can offer the named strategies through the renderer contract.
 */

export type StrategySettings = Pick<
  RunSettings,
  | 'strategyName'
  | 'probabilitySource'
  | 'referenceBook'
  | 'poolWeight'
  | 'priorFitSeasons'
  | 'priceSource'
  | 'minEdge'
  | 'maxCredibleEdge'
  | 'minOdds'
  | 'maxOdds'
  | 'kellyMultiplier'
  | 'shrinkKellyByCalibration'
  | 'flatStakeFraction'
>;

export { NAMED_STRATEGY_IDS, type NamedStrategyId };

/** The run-settings fields of a named strategy: what choosing it in the run form or `--strategy NAME` sets. */
export function namedStrategySettings(id: NamedStrategyId): StrategySettings {
  const strategy = NAMED_STRATEGIES[id];
  if (strategy === undefined) throw new Error(`Unknown strategy "${String(id)}"; expected one of ${NAMED_STRATEGY_IDS.join(', ')}`);
  const source = strategy.probabilitySource;
  return {
    strategyName: strategy.name,
    probabilitySource: source.kind,
    referenceBook: source.kind === 'model' ? 'pinnacle' : source.reference,
    poolWeight: source.kind === 'model-shrunk-to-market' && source.weight !== null ? source.weight : 'fitted',
    priorFitSeasons: DEFAULT_PRIOR_FIT_SEASONS,
    priceSource: strategy.priceSource,
    minEdge: strategy.filters.minEdge,
    maxCredibleEdge: Number.isFinite(strategy.filters.maxCredibleEdge) ? strategy.filters.maxCredibleEdge : null,
    minOdds: strategy.filters.minOdds,
    maxOdds: strategy.filters.maxOdds,
    kellyMultiplier: strategy.staking.multiplier,
    shrinkKellyByCalibration: strategy.staking.shrinkByCalibration,
    flatStakeFraction: null,
  };
}

/**
 * The run's strategy as the betting core takes it. A fitted pool weight is the one the run
 * measured before its first week (`priorSeasonFit`); before that it is null.
 */
export function strategyOf(settings: RunSettings): Strategy {
  const probabilitySource: ProbabilitySource =
    settings.probabilitySource === 'model'
      ? { kind: 'model' }
      : settings.probabilitySource === 'market-consensus'
        ? { kind: 'market-consensus', reference: settings.referenceBook }
        : { kind: 'model-shrunk-to-market', reference: settings.referenceBook, ...poolWeightOf(settings) };
  return {
    name: settings.strategyName,
    probabilitySource,
    priceSource: settings.priceSource,
    marginMethod: settings.marginMethod,
    filters: { minEdge: settings.minEdge, maxCredibleEdge: settings.maxCredibleEdge ?? Number.POSITIVE_INFINITY, minOdds: settings.minOdds, maxOdds: settings.maxOdds },
    staking:
      settings.flatStakeFraction === null
        ? { kind: 'kelly', multiplier: settings.kellyMultiplier, shrinkByCalibration: settings.shrinkKellyByCalibration }
        : { kind: 'flat', stakeFraction: settings.flatStakeFraction },
  };
}

function poolWeightOf(settings: RunSettings): Pick<Extract<ProbabilitySource, { kind: 'model-shrunk-to-market' }>, 'weight' | 'fittedOn'> {
  if (settings.poolWeight !== 'fitted') return { weight: settings.poolWeight, fittedOn: null };
  const fit = settings.priorSeasonFit;
  if (fit === undefined || fit.poolWeight === null) return { weight: null, fittedOn: null };
  return { weight: fit.poolWeight.weight, fittedOn: { seasons: fit.seasons, matches: fit.matches, standardError: fit.poolWeight.standardError } };
}
