import type { MarginMethod } from './margin-removal';
import { REFERENCE_BOOKS, type ReferenceBook } from './market-consensus';
import { PRICE_SOURCES, type PriceSource } from './price-source';

/**
 * A betting strategy: where its probabilities come from, which price it bets at, which bets it
 * refuses, and how it stakes. The probability source is the discriminant; a source that reads
 * the market makes the strategy's probabilities market-informed, and they are labelled so
 * wherever they are shown (DESIGN.md "Model independence").
 */
export type ProbabilitySource =
  /** The model's own probabilities (it never saw a price). */
  | { readonly kind: 'model' }
  /** The reference book's pre-match prices made fair (Kaunitz, Zhong and Kreiner 2017). */
  | { readonly kind: 'market-consensus'; readonly reference: ReferenceBook }
  /**
   * The logistic pool of model and consensus (betting/logistic-pool.ts) at `weight`: 0 is the
   * market, 1 the model. A fitted weight comes from out-of-sample forecasts of seasons before the
   * holdout only (`fittedOn` says which); `weight` is null until that fit is made, before the
   * run's first week. A weight the user fixed has `fittedOn` null.
   */
  | { readonly kind: 'model-shrunk-to-market'; readonly reference: ReferenceBook; readonly weight: number | null; readonly fittedOn: PoolWeightFitted | null };

/** Where a fitted pool weight came from, shown with it. */
export interface PoolWeightFitted {
  readonly seasons: readonly string[];
  readonly matches: number;
  readonly standardError: number;
}

export type ProbabilitySourceKind = ProbabilitySource['kind'];
export const PROBABILITY_SOURCE_KINDS: readonly ProbabilitySourceKind[] = ['model', 'market-consensus', 'model-shrunk-to-market'];

export interface StrategyFilters {
  /** Smallest edge p·o − 1 worth betting, >= 0. */
  readonly minEdge: number;
  /** Larger edges are rejected as more likely model error than value; > minEdge (Infinity: no limit). */
  readonly maxCredibleEdge: number;
  readonly minOdds: number;
  readonly maxOdds: number;
}

export type StrategyStaking =
  /** Kelly from the week-start bankroll; `shrinkByCalibration` multiplies it by calibrationKellyScale. */
  | { readonly kind: 'kelly'; readonly multiplier: number; readonly shrinkByCalibration: boolean }
  /** The same fraction of the week-start bankroll on every bet. */
  | { readonly kind: 'flat'; readonly stakeFraction: number };

export interface Strategy {
  readonly name: string;
  readonly probabilitySource: ProbabilitySource;
  readonly priceSource: PriceSource;
  readonly marginMethod: MarginMethod;
  readonly filters: StrategyFilters;
  readonly staking: StrategyStaking;
}

/** True when the strategy's probabilities read prices, so they must be labelled market-informed. */
export function isMarketInformed(source: ProbabilitySource): boolean {
  switch (source.kind) {
    case 'model':
      return false;
    case 'market-consensus':
    case 'model-shrunk-to-market':
      return true;
    default: {
      const unknown: never = source;
      throw new Error(`Unknown probability source ${JSON.stringify(unknown)}`);
    }
  }
}

/** Throws naming the first field of the strategy that is out of range (`strategy.filters.maxOdds ...`). */
export function assertStrategy(strategy: Strategy): void {
  const where = (field: string) => `strategy "${strategy.name}": ${field}`;
  if (strategy.name.trim() === '') throw new Error('strategy.name must not be empty');
  const source = strategy.probabilitySource;
  if (!PROBABILITY_SOURCE_KINDS.includes(source.kind)) throw new Error(`${where('probabilitySource.kind')} must be one of ${PROBABILITY_SOURCE_KINDS.join(', ')}, got "${String(source.kind)}"`);
  if (source.kind !== 'model' && !REFERENCE_BOOKS.includes(source.reference)) {
    throw new Error(`${where('probabilitySource.reference')} must be one of ${REFERENCE_BOOKS.join(', ')}, got "${String(source.reference)}"`);
  }
  if (source.kind === 'model-shrunk-to-market' && source.weight !== null && !(source.weight >= 0 && source.weight <= 1)) {
    throw new Error(`${where('probabilitySource.weight')} must be in [0, 1] (0 = market, 1 = model), got ${source.weight}`);
  }
  if (!PRICE_SOURCES.includes(strategy.priceSource)) throw new Error(`${where('priceSource')} must be one of ${PRICE_SOURCES.join(', ')}, got "${String(strategy.priceSource)}"`);
  const { minEdge, maxCredibleEdge, minOdds, maxOdds } = strategy.filters;
  if (!(Number.isFinite(minEdge) && minEdge >= 0)) throw new Error(`${where('filters.minEdge')} must be a finite number >= 0, got ${minEdge}`);
  if (!(maxCredibleEdge > minEdge)) throw new Error(`${where('filters.maxCredibleEdge')} must be greater than filters.minEdge (${minEdge}), got ${maxCredibleEdge}`);
  if (!(Number.isFinite(minOdds) && minOdds >= 1)) throw new Error(`${where('filters.minOdds')} must be a finite number >= 1, got ${minOdds}`);
  if (!(maxOdds >= minOdds)) throw new Error(`${where('filters.maxOdds')} must be >= filters.minOdds (${minOdds}), got ${maxOdds}`);
  const staking = strategy.staking;
  switch (staking.kind) {
    case 'kelly':
      if (!(staking.multiplier > 0 && staking.multiplier <= 1)) throw new Error(`${where('staking.multiplier')} must be in (0, 1], got ${staking.multiplier}`);
      break;
    case 'flat':
      if (!(staking.stakeFraction > 0 && staking.stakeFraction <= 1)) throw new Error(`${where('staking.stakeFraction')} must be in (0, 1], got ${staking.stakeFraction}`);
      break;
    default: {
      const unknown: never = staking;
      throw new Error(`${where('staking.kind')} must be kelly or flat, got ${JSON.stringify(unknown)}`);
    }
  }
}

/** What the strategy's probabilities are, for every place that shows them. */
export function probabilityLabelOf(source: ProbabilitySource): string {
  switch (source.kind) {
    case 'model':
      return 'model';
    case 'market-consensus':
      return `market-informed: ${source.reference === 'pinnacle' ? 'Pinnacle' : 'average'} pre-match prices made fair`;
    case 'model-shrunk-to-market':
      return `market-informed: model pooled with ${source.reference === 'pinnacle' ? 'Pinnacle' : 'average'} pre-match fair prices, ${poolWeightLabelOf(source.weight, source.fittedOn)}`;
    default: {
      const unknown: never = source;
      throw new Error(`Unknown probability source ${JSON.stringify(unknown)}`);
    }
  }
}

/** "model weight 0.04 fitted on 2020-21..2022-23 (1140 matches, standard error 0.19)", or the fixed weight, or that the fit is still to come. */
export function poolWeightLabelOf(weight: number | null, fittedOn: PoolWeightFitted | null): string {
  if (weight === null) return 'model weight fitted on the seasons before the holdout when the run starts (not fitted yet)';
  if (fittedOn === null) return `model weight ${weight} (fixed)`;
  return `model weight ${weight.toFixed(3)} fitted on ${seasonSpanLabelOf(fittedOn.seasons)} (${fittedOn.matches} matches, standard error ${fittedOn.standardError.toFixed(3)})`;
}

/** ["2021", "2122", "2223"] -> "2020-21..2022-23" (seasons oldest first), for every label of what was fitted where. */
export function seasonSpanLabelOf(seasons: readonly string[]): string {
  const label = (season: string) => (/^\d{4}$/.test(season) ? `20${season.slice(0, 2)}-${season.slice(2)}` : season);
  return seasons.length > 1 ? `${label(seasons[0]!)}..${label(seasons.at(-1)!)}` : label(seasons[0] ?? '');
}

export { DEFAULT_PRIOR_FIT_SEASONS, DEFAULT_STRATEGY_ID, NAMED_STRATEGIES, NAMED_STRATEGY_IDS, type NamedStrategyId } from './named-strategies';
